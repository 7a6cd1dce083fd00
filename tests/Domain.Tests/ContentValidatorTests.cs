using SciaticaService.Domain.Content;
using static SciaticaService.Domain.Tests.ContentSamples;

namespace SciaticaService.Domain.Tests;

public class ContentValidatorTests
{
    [Fact]
    public void A_valid_document_becomes_domain_objects()
    {
        var result = Validate(ValidDocument());

        Assert.Empty(result.Problems);
        Assert.Equal(["disc", "stenosis"], result.Catalog.Conditions.Select(c => c.Slug));
        Assert.Equal(3, result.Catalog.Stretches.Count);
        var template = Assert.Single(result.Catalog.RoutineTemplates);
        Assert.Equal([1, 2], template.Items.Select(i => i.Position));
    }

    [Fact]
    public void A_stretch_indicated_and_contraindicated_for_one_condition_is_refused()
    {
        var document = ValidDocument() with
        {
            Stretches = [Stretch("both-ways", indicatedFor: ["disc", "stenosis"], contraindications: [Contra("stenosis")])],
            RoutineTemplates = [],
        };

        var problem = Assert.Single(Validate(document).Problems);

        Assert.Equal("stretches[0].contraindications[0].condition", problem.Path);
        Assert.Equal("both-ways", problem.Slug);
    }

    [Fact]
    public void A_template_never_contains_a_stretch_contraindicated_for_its_condition()
    {
        var document = ValidDocument() with
        {
            RoutineTemplates = [Template("stenosis-starter", "stenosis", "knee-to-chest", "press-up")],
        };

        var result = Validate(document);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("routineTemplates[0].items[1].stretch", problem.Path);
        Assert.Contains("contraindicated", problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Catalog.RoutineTemplates);
    }

    [Fact]
    public void An_update_that_would_make_a_stored_template_unsafe_is_refused()
    {
        var stored = Validate(ValidDocument()).Catalog;
        // The stored disc template uses prone-lying; the update now contraindicates prone-lying for disc.
        var update = new ContentDocument
        {
            Stretches =
            [
                Stretch("prone-lying", indicatedFor: ["stenosis"], contraindications: [Contra("disc")], harder: "press-up") with
                {
                    Precautions =
                    [
                        new PrecautionEntry { Screen = "pregnancy", Reason = "Face down." },
                        new PrecautionEntry { Screen = "extension_worsens", Reason = "Arching." },
                    ],
                },
            ],
        };

        var problem = Assert.Single(Validate(update, stored).Problems);

        Assert.Null(problem.Index);
        Assert.Equal("disc-starter", problem.Slug);
        Assert.Equal("routineTemplates['disc-starter'] (stored).items[0].stretch", problem.Path);
    }

    [Fact]
    public void References_resolve_against_stored_content_as_well_as_the_document()
    {
        var stored = Validate(ValidDocument()).Catalog;
        var update = new ContentDocument
        {
            Stretches = [Stretch("new-glide", indicatedFor: ["disc", "stenosis"], easier: "prone-lying")],
            RoutineTemplates = [Template("stenosis-starter", "stenosis", "knee-to-chest", "new-glide")],
        };

        Assert.Empty(Validate(update, stored).Problems);
    }

    [Fact]
    public void Every_broken_reference_is_reported_with_its_path()
    {
        var document = ValidDocument() with
        {
            Imbalances = [Imbalance("tilt", "no-such-condition")],
            Stretches =
            [
                Stretch("a", indicatedFor: ["nowhere"], contraindications: [Contra("nothing")], easier: "ghost"),
            ],
            RoutineTemplates = [Template("t", "missing-condition", "missing-stretch")],
        };

        var paths = Validate(document).Problems.Select(p => p.Path).ToList();

        Assert.Equal(
            [
                "imbalances[0].feedsConditions[0]",
                "stretches[0].indicatedFor[0]",
                "stretches[0].contraindications[0].condition",
                "stretches[0].easierVariant",
                "routineTemplates[0].condition",
                "routineTemplates[0].items[0].stretch",
            ],
            paths);
    }

    [Fact]
    public void Duplicate_slugs_in_a_section_are_reported()
    {
        var document = ValidDocument() with { Conditions = [Condition("disc"), Condition("stenosis"), Condition("disc")] };

        var problem = Assert.Single(Validate(document).Problems);

        Assert.Equal("conditions[2].slug", problem.Path);
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("has space")]
    [InlineData("slash/../etc")]
    [InlineData("")]
    public void Malformed_slugs_are_refused(string slug)
    {
        var document = ValidDocument() with { Conditions = [Condition("disc"), Condition("stenosis"), Condition(slug)] };

        Assert.Contains(Validate(document).Problems, p => p.Path == "conditions[2].slug");
    }

    [Fact]
    public void Every_field_problem_of_an_entry_is_reported_not_only_the_first()
    {
        var broken = Stretch("broken") with
        {
            Name = " ",
            Kind = "yoga",
            Instructions = [],
            HoldSeconds = 0,
            Repetitions = 500,
            Sides = null,
            Difficulty = 4,
            Bias = "sideways",
            TargetMuscles = ["Not A Slug"],
            Cautions = [new string('x', ContentLimits.ListItemLength + 1)],
        };
        var document = ValidDocument() with { Stretches = [.. ValidDocument().Stretches!, broken] };

        var fields = Validate(document).Problems.Where(p => p.Index == 3).Select(p => p.Field).ToHashSet();

        Assert.Equal(
            new HashSet<string> { "name", "kind", "instructions", "holdSeconds", "repetitions", "sides", "difficulty", "bias", "targetMuscles[0]", "cautions[0]" },
            fields);
    }

    [Fact]
    public void A_stretch_without_hold_or_repetitions_is_refused()
    {
        var document = ValidDocument() with
        {
            Stretches = [Stretch("vague", indicatedFor: ["disc"]) with { HoldSeconds = null, Repetitions = null }],
            RoutineTemplates = [],
        };

        Assert.Equal("stretches[0].holdSeconds", Assert.Single(Validate(document).Problems).Path);
    }

    [Fact]
    public void Variants_must_go_the_right_way_in_difficulty_and_not_point_to_themselves()
    {
        var document = ValidDocument() with
        {
            Stretches =
            [
                Stretch("hard", difficulty: 3, harder: "easy"),
                Stretch("easy", difficulty: 1, easier: "hard"),
                Stretch("loop", difficulty: 2, easier: "loop"),
            ],
            RoutineTemplates = [],
        };

        var paths = Validate(document).Problems.Select(p => p.Path).ToHashSet();

        Assert.Equal(new HashSet<string> { "stretches[0].harderVariant", "stretches[1].easierVariant", "stretches[2].easierVariant" }, paths);
    }

    [Fact]
    public void Template_items_take_the_stretch_dose_unless_they_override_it()
    {
        var template = Template("disc-starter", "disc", "prone-lying", "press-up") with
        {
            Items =
            [
                new RoutineTemplateItemEntry { Stretch = "prone-lying", Sets = 1 },
                new RoutineTemplateItemEntry { Stretch = "press-up", Sets = 2, HoldSeconds = 5, Repetitions = 10 },
            ],
        };
        var result = Validate(ValidDocument() with { RoutineTemplates = [template] });

        var items = Assert.Single(result.Catalog.RoutineTemplates).Items;
        Assert.Equal(new RoutineTemplateItem(1, "prone-lying", 1, 30, 3), items[0]);
        Assert.Equal(new RoutineTemplateItem(2, "press-up", 2, 5, 10), items[1]);
    }

    [Fact]
    public void Null_entries_and_lists_are_problems_not_crashes()
    {
        var document = new ContentDocument
        {
            Conditions = [null],
            Stretches = [new StretchEntry()],
            RoutineTemplates = [new RoutineTemplateEntry { Items = [null] }],
        };

        var result = Validate(document);

        Assert.Contains(result.Problems, p => p.Path == "conditions[0]");
        Assert.Contains(result.Problems, p => p.Path == "stretches[0].slug");
        Assert.Contains(result.Problems, p => p.Path == "routineTemplates[0].items[0]");
    }

    [Fact]
    public void Oversized_lists_are_refused()
    {
        var many = Enumerable.Range(0, ContentLimits.ListItems + 1).Select(i => $"Sign {i}.").ToArray<string?>();
        var document = ValidDocument() with { Conditions = [Condition("disc") with { Signs = many }, Condition("stenosis")] };

        Assert.Equal("conditions[0].signs", Assert.Single(Validate(document).Problems).Path);
    }

    [Fact]
    public void Precautions_name_a_known_screen_once_each_with_a_reason()
    {
        var document = ContentSamples.ValidDocument();
        var stretch = document.Stretches![0]! with
        {
            Precautions =
            [
                new PrecautionEntry { Screen = "pregnancy", Reason = "Lying face down." },
                new PrecautionEntry { Screen = "pregnancy", Reason = "Twice." },
                new PrecautionEntry { Screen = "gout", Reason = "Not a screen." },
                new PrecautionEntry { Screen = "osteoporosis" },
                null,
            ],
        };

        var result = Validate(document with { Stretches = [stretch, .. document.Stretches.Skip(1)] });

        Assert.Equal(
            ["stretches[0].precautions", "stretches[0].precautions[1].screen", "stretches[0].precautions[2].screen", "stretches[0].precautions[3].reason",
             "stretches[0].precautions[4]"],
            result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Precautions_survive_the_round_trip_through_the_import_format()
    {
        var document = ContentSamples.ValidDocument();
        var stretch = document.Stretches![2]! with { Precautions = [new PrecautionEntry { Screen = "hip_replacement", Reason = "Dislocation risk." }] };

        var catalog = Validate(document with { Stretches = [.. document.Stretches.Take(2), stretch] }).Catalog;
        var entry = catalog.Stretches[2].ToEntry();

        Assert.Equal("knee-to-chest", entry.Slug);
        Assert.Equal("hip_replacement", Assert.Single(entry.Precautions!)!.Screen);
        Assert.True(catalog.Stretches[2].IsScreenedOutBy([Domain.Assessments.Screen.HipReplacement]));
        Assert.False(catalog.Stretches[2].IsScreenedOutBy([Domain.Assessments.Screen.Pregnancy]));
    }

    [Fact]
    public void A_stretch_CLINICAL_md_names_for_a_screen_cannot_lose_that_precaution()
    {
        var document = ContentSamples.ValidDocument();
        var stripped = document.Stretches![0]! with { Precautions = [] };

        var result = Validate(document with { Stretches = [stripped, .. document.Stretches.Skip(1)] });

        Assert.Equal(2, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal("stretches[0].precautions", p.Path));
        Assert.Contains(result.Problems, p => p.Message.Contains("'pregnancy'", StringComparison.Ordinal));
    }
}
