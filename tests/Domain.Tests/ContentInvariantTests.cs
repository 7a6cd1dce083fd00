using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Tests;

/// <summary>The safety invariants hold on the domain objects themselves, whatever path builds them.</summary>
public class ContentInvariantTests
{
    private static Stretch NewStretch(string slug, string[] indicatedFor, Contraindication[] contraindications) =>
        new(slug, "Name", ExerciseKind.Stretch, "Summary", ["Step."], 30, null, Sides.EachSide, 1, DirectionBias.Extension,
            ["hamstrings"], indicatedFor, contraindications, [], null, null);

    [Fact]
    public void A_stretch_cannot_be_built_indicated_and_contraindicated_for_one_condition()
    {
        var exception = Assert.Throws<ContentInvariantException>(() =>
            NewStretch("press-up", ["herniated-disc", "spinal-stenosis"], [new Contraindication("spinal-stenosis", "Narrows the canal.")]));

        Assert.Contains("spinal-stenosis", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_cannot_be_built_with_a_stretch_contraindicated_for_its_condition()
    {
        var pressUp = NewStretch("press-up", ["herniated-disc"], [new Contraindication("spinal-stenosis", "Narrows the canal.")]);
        var stretches = new Dictionary<string, Stretch> { [pressUp.Slug] = pressUp };

        Assert.Throws<ContentInvariantException>(() =>
            new RoutineTemplate("stenosis-starter", "Name", "Summary", "spinal-stenosis", [new RoutineTemplateItem(1, "press-up", 2, 30, null)], stretches));
        var safe = new RoutineTemplate("disc-starter", "Name", "Summary", "herniated-disc", [new RoutineTemplateItem(1, "press-up", 2, 30, null)], stretches);
        Assert.Single(safe.Items);
    }

    [Fact]
    public void A_template_cannot_be_built_with_an_unknown_stretch()
    {
        Assert.Throws<ContentInvariantException>(() =>
            new RoutineTemplate("t", "Name", "Summary", "herniated-disc", [new RoutineTemplateItem(1, "ghost", 1, 30, null)], new Dictionary<string, Stretch>()));
    }

    [Fact]
    public void IsContraindicatedFor_matches_exact_condition_slugs_only()
    {
        var stretch = NewStretch("press-up", ["herniated-disc"], [new Contraindication("spinal-stenosis", "Narrows the canal.")]);

        Assert.True(stretch.IsContraindicatedFor("spinal-stenosis"));
        Assert.False(stretch.IsContraindicatedFor("Spinal-Stenosis"));
        Assert.False(stretch.IsContraindicatedFor("herniated-disc"));
    }

    [Theory]
    [InlineData(Sides.EachSide, "each_side")]
    [InlineData(Sides.BothTogether, "both_together")]
    [InlineData(Sides.AffectedSide, "affected_side")]
    public void Enum_wire_names_are_snake_case_and_round_trip(Sides value, string wire)
    {
        Assert.Equal(wire, WireName.Of(value));
        Assert.True(WireName.TryParse<Sides>(wire, out var parsed));
        Assert.Equal(value, parsed);
        Assert.False(WireName.TryParse<Sides>("EachSide", out _));
    }
}
