using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using static SciaticaService.Domain.Tests.ContentSamples;

namespace SciaticaService.Domain.Tests;

public class LessonValidationTests
{
    private static LessonTranslationEntry Translation(string word) =>
        new() { Title = $"{word} title", Summary = $"{word} summary", Body = [$"{word} body"] };

    private static LessonEntry Lesson(string slug, string? status = null, params string[] languages) => new()
    {
        Slug = slug,
        Status = status,
        Position = 1,
        Conditions = ["disc"],
        Triage = ["urgent"],
        Title = "Title",
        Summary = "Summary",
        Body = ["A paragraph."],
        Translations = languages.ToDictionary(l => l, l => (LessonTranslationEntry?)Translation(l)),
    };

    [Fact]
    public void A_published_lesson_in_every_language_is_read_with_its_texts()
    {
        var result = Validate(ValidDocument() with { Lessons = [Lesson("disc-lesson", null, "es", "de")] });

        Assert.Empty(result.Problems);
        var lesson = Assert.Single(result.Catalog.Lessons);
        Assert.Equal("es title", lesson.TextIn(Language.Es).Title);
        Assert.Equal("de body", Assert.Single(lesson.TextIn(Language.De).Body));
        Assert.Equal("Title", lesson.TextIn(Language.En).Title);
        Assert.Equal([TriageLevel.Urgent], lesson.Triage);
    }

    [Fact]
    public void A_published_lesson_lacking_a_language_is_refused_and_the_problem_names_it()
    {
        var problem = Assert.Single(Validate(ValidDocument() with { Lessons = [Lesson("disc-lesson", null, "es")] }).Problems);

        Assert.Equal("lessons[0].translations.de", problem.Path);
    }

    [Fact]
    public void A_draft_may_lack_languages_and_falls_back_to_English()
    {
        var result = Validate(ValidDocument() with { Lessons = [Lesson("disc-lesson", "draft", "es")] });

        Assert.Empty(result.Problems);
        Assert.Equal("Title", Assert.Single(result.Catalog.Lessons).TextIn(Language.De).Title);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ES")]
    public void A_translation_under_a_code_that_is_not_one_of_ours_is_refused(string code)
    {
        var problems = Validate(ValidDocument() with { Lessons = [Lesson("disc-lesson", "draft", code)] }).Problems;

        Assert.Contains(problems, p => p.Path == $"lessons[0].translations.{code}");
    }

    [Fact]
    public void A_translation_missing_a_field_is_refused_with_its_path()
    {
        var lesson = Lesson("disc-lesson", null, "es", "de") with
        {
            Translations = new Dictionary<string, LessonTranslationEntry?>
            {
                ["es"] = Translation("es") with { Summary = " " },
                ["de"] = Translation("de"),
            },
        };

        var problem = Assert.Single(Validate(ValidDocument() with { Lessons = [lesson] }).Problems);

        Assert.Equal("lessons[0].translations.es.summary", problem.Path);
    }

    [Fact]
    public void Unknown_conditions_and_triage_levels_are_refused()
    {
        var lesson = Lesson("disc-lesson", null, "es", "de") with { Conditions = ["flu"], Triage = ["panic"] };

        var problems = Validate(ValidDocument() with { Lessons = [lesson] }).Problems;

        Assert.Contains(problems, p => p.Path == "lessons[0].conditions[0]");
        Assert.Contains(problems, p => p.Path == "lessons[0].triage[0]");
    }

    [Fact]
    public void A_lesson_is_for_a_result_at_its_triage_level_or_with_its_cause_likely()
    {
        var lesson = Validate(ValidDocument() with { Lessons = [Lesson("disc-lesson", null, "es", "de") with { Triage = ["emergency"] }] })
            .Catalog.Lessons[0];

        Assert.True(lesson.IsFor(Result(TriageLevel.SelfCare, ("disc", LikelihoodBand.Possible))));
        Assert.False(lesson.IsFor(Result(TriageLevel.SelfCare, ("disc", LikelihoodBand.LessLikely), ("stenosis", LikelihoodBand.MostLikely))));
        Assert.True(lesson.IsFor(Result(TriageLevel.Emergency, ("stenosis", LikelihoodBand.MostLikely))));
    }

    private static AssessmentResult Result(TriageLevel level, params (string Condition, LikelihoodBand Band)[] causes) => new(
        1, "test", new TriageResult(level, [], string.Empty, level <= TriageLevel.SeeGp),
        [.. causes.Select(c => new CauseLikelihood(c.Condition, 0.5, [], [], c.Band))], false, string.Empty, [],
        new OutcomeScores(new Score("nprs", 5, 10, null, 1), new Score("sbi", 5, 24, null, 4), null), string.Empty);
}
