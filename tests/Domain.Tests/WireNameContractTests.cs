using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Privacy;

namespace SciaticaService.Domain.Tests;

/// <summary>
/// Enum values travel by wire name (snake_case of the member) in REST, content files and stored rows, so renaming a
/// Domain enum member would change the public API and leave stored rows unreadable. These lists pin every name: a
/// rename fails here first, and needs an explicit wire name or a stored-shape version, not a quiet change.
/// </summary>
public class WireNameContractTests
{
    [Fact]
    public void Every_enum_keeps_its_wire_names()
    {
        Assert.Equal(["boolean", "integer", "choice"], WireName.AllOf<AnswerType>());
        Assert.Equal(["not_needed", "within_weeks", "within_days", "within_a_day", "today", "now"], WireName.AllOf<CareTiming>());
        Assert.Equal(["low", "moderate", "high"], WireName.AllOf<ConfidenceLevel>());
        Assert.Equal(["draft", "published"], WireName.AllOf<ContentStatus>());
        Assert.Equal(["flexion", "extension", "neutral"], WireName.AllOf<DirectionBias>());
        Assert.Equal(["unknown", "extension", "extension_worsens", "no_change"], WireName.AllOf<DirectionalPreference>());
        Assert.Equal(["stretch", "strengthening", "mobility", "nerve_glide"], WireName.AllOf<ExerciseKind>());
        Assert.Equal(["en", "es", "de"], WireName.AllOf<Language>());
        Assert.Equal(["less_likely", "possible", "most_likely"], WireName.AllOf<LikelihoodBand>());
        Assert.Equal(["image", "video", "animation"], WireName.AllOf<MediaKind>());
        Assert.Equal(["osteoporosis", "hip_replacement", "pregnancy", "extension_worsens"], WireName.AllOf<Screen>());
        Assert.Equal(["each_side", "both_together", "affected_side"], WireName.AllOf<Sides>());
        Assert.Equal(["self_care", "see_gp", "urgent", "emergency"], WireName.AllOf<TriageLevel>());
        Assert.Equal(["self", "partner"], WireName.AllOf<Accessor>());
    }
}
