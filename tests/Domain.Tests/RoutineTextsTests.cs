using System.Text.RegularExpressions;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Domain.Tests;

/// <summary>The reasons a routine gives, in every language: complete, English as before, rendered from codes when read.</summary>
public partial class RoutineTextsTests
{
    private static readonly Dictionary<string, string> SpanishNames = new(StringComparer.Ordinal) { ["spinal-stenosis"] = "Estenosis espinal" };
    private static readonly Dictionary<string, string> GermanNames = new(StringComparer.Ordinal) { ["spinal-stenosis"] = "Spinalkanalstenose" };

    private static IEnumerable<(string Key, Wording Wording)> EveryWording() =>
    [
        .. RoutineTexts.Reasons.Select(p => ($"reason:{p.Key}", p.Value)),
        .. MuscleNames.Names.Select(p => ($"muscle:{p.Key}", p.Value)),
        ("and", RoutineTexts.And),
    ];

    [Fact]
    public void Every_reason_and_muscle_name_has_every_language_with_the_same_placeholders()
    {
        foreach (var (key, wording) in EveryWording())
        {
            var placeholders = Placeholder().Matches(wording.En).Select(m => m.Value).Order().ToList();
            foreach (var language in LanguageNegotiation.All)
            {
                var text = wording.In(language);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{key} lacks {language}");
                Assert.Equal(placeholders, Placeholder().Matches(text).Select(m => m.Value).Order().ToList());
                if (language != LanguageNegotiation.Source && text.Trim().Length > 3)
                {
                    Assert.NotEqual(wording.En, text);
                }
            }
        }
    }

    [Fact]
    public void Every_code_the_builder_and_progression_use_has_a_text()
    {
        var codes = typeof(RoutineTexts).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(codes.Order(), RoutineTexts.Reasons.Keys.Order());
    }

    [Fact]
    public void English_reads_exactly_as_before_codes_were_stored()
    {
        Assert.Equal(
            "Your answers suggest the hamstrings (the back of your thigh) and buttock muscles could do with loosening: this exercise works on that, and suits spinal stenosis.",
            RoutineTexts.Write(new RoutineReason(RoutineTexts.Loosen, "spinal-stenosis", ["hamstrings", "gluteus-maximus"]), Language.En,
                new Dictionary<string, string> { ["spinal-stenosis"] = "Spinal stenosis" }));
        Assert.Equal("This exercise is now advised against for spinal-stenosis.",
            RoutineTexts.Write(new RoutineReason(RoutineTexts.Contraindicated, "spinal-stenosis"), Language.En, new Dictionary<string, string>()));
        Assert.Equal("Pain rose by 4 points with it in one session. It is out of your routine until a clinician or physiotherapist has looked at it with you.",
            RoutineTexts.Write(new RoutineReason(RoutineTexts.Review, Points: 4), Language.En, new Dictionary<string, string>()));
    }

    [Fact]
    public void A_stored_routine_renders_its_item_and_change_reasons_in_Spanish_and_German_and_stays_as_stored_in_English()
    {
        var loosen = new RoutineReason(RoutineTexts.Loosen, "spinal-stenosis", ["hamstrings", "gluteus-maximus"]);
        var harder = new RoutineReason(RoutineTexts.EasyHarder, Points: 2, Sessions: 4);
        var dropped = new RoutineReason(RoutineTexts.Contraindicated, "spinal-stenosis");
        var routine = Routine(
            [
                new RoutineItem(1, "a", 2, 30, 3, Sides.EachSide, "stored English a", loosen),
                new RoutineItem(2, "b", 2, null, 10, Sides.BothTogether, "stored English b", harder),
                new RoutineItem(3, "c", 2, null, 10, Sides.BothTogether, "made before codes, by hand"),
            ],
            [
                new RoutineChange("x", "harder", "b", "stored English b", harder),
                new RoutineChange("y", "dropped", null, "stored English y", dropped),
            ]);

        var spanish = RoutineTexts.Render(routine, Language.Es, SpanishNames);
        var german = RoutineTexts.Render(routine, Language.De, GermanNames);

        Assert.Same(routine, RoutineTexts.Render(routine, Language.En, SpanishNames));
        Assert.Equal(
            "Sus respuestas indican que conviene destensar los isquiotibiales (la parte de atrás del muslo) y los músculos de las nalgas: "
            + "este ejercicio trabaja en eso y es adecuado en caso de estenosis espinal.",
            spanish.Items[0].Reason);
        Assert.Equal(
            "Ihre Antworten deuten darauf hin, dass Folgendes Lockerung braucht: hintere Oberschenkelmuskeln und Gesäßmuskeln. "
            + "Diese Übung arbeitet daran und eignet sich bei Spinalkanalstenose.",
            german.Items[0].Reason);
        Assert.Equal(RoutineTexts.Reasons[RoutineTexts.EasyHarder].Format(Language.Es, "", "", 2, 4), spanish.Items[1].Reason);
        Assert.Equal("made before codes, by hand", spanish.Items[2].Reason);
        Assert.Equal(spanish.Items[1].Reason, spanish.Changes[0].Reason);
        Assert.Equal("Ahora se desaconseja este ejercicio en caso de estenosis espinal.", spanish.Changes[1].Reason);
        Assert.Equal("Von dieser Übung wird jetzt bei Spinalkanalstenose abgeraten.", german.Changes[1].Reason);
        Assert.Equal(routine.Items.Select(i => (i.Stretch, i.Basis)), spanish.Items.Select(i => (i.Stretch, i.Basis)));
        Assert.Equal("stored English a", routine.Items[0].Reason);
    }

    [Fact]
    public void A_reason_stored_before_codes_is_read_back_from_its_English_only_when_it_names_no_condition_or_muscle()
    {
        var english = RoutineTexts.Write(new RoutineReason(RoutineTexts.WorseNoEasier, Points: 2, Sessions: 3), Language.En, new Dictionary<string, string>());
        var routine = Routine(
            [
                new RoutineItem(1, "a", 2, 30, 3, Sides.EachSide, RoutineTexts.Reasons[RoutineTexts.NerveGlide].En),
                new RoutineItem(2, "b", 2, 30, 3, Sides.EachSide, "Suits spinal stenosis, which your answers point to."),
            ],
            [new RoutineChange("x", "dropped", null, english)]);

        var spanish = RoutineTexts.Render(routine, Language.Es, SpanishNames);

        Assert.Equal(new RoutineReason(RoutineTexts.WorseNoEasier, Points: 2, Sessions: 3), RoutineTexts.Recognise(english));
        Assert.Equal(RoutineTexts.Reasons[RoutineTexts.NerveGlide].Es, spanish.Items[0].Reason);
        Assert.Equal("Suits spinal stenosis, which your answers point to.", spanish.Items[1].Reason);
        Assert.Equal("El dolor subió 2 puntos o más después de hacerlo en 3 sesiones, y no tiene una versión más fácil.", spanish.Changes[0].Reason);
    }

    private static Routine Routine(IReadOnlyList<RoutineItem> items, IReadOnlyList<RoutineChange> changes) =>
        new(Guid.NewGuid(), new PersonId("person"), 2, Guid.NewGuid(), DateTimeOffset.UnixEpoch, 15, 10, items, ["spinal-stenosis"], changes, Guid.NewGuid());

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
