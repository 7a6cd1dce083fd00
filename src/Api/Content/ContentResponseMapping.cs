using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

internal static class ContentResponseMapping
{
    public static ConditionResponse ToResponse(this Condition c) =>
        new(c.Slug, c.Name, c.Summary, c.NerveCompression, c.Signs, c.TypicallyAffects);

    public static ImbalanceResponse ToResponse(this Imbalance i) =>
        new(i.Slug, i.Name, i.Summary, i.TightMuscles, i.WeakMuscles, i.PosturalEffect,
            new SelfCheckResponse(i.SelfCheck.Name, i.SelfCheck.Steps, i.SelfCheck.PositiveSign), i.FeedsConditions);

    public static StretchResponse ToResponse(this Stretch s, Language language, MediaOptions media) =>
        new(s.Slug, s.Name, WireName.Of(s.Kind), s.Summary, s.Instructions, s.HoldSeconds, s.Repetitions, WireName.Of(s.Sides),
            s.Difficulty, WireName.Of(s.Bias), s.TargetMuscles, s.IndicatedFor,
            [.. s.Contraindications.Select(c => new ContraindicationResponse(c.Condition, c.Reason))],
            s.Cautions, s.EasierVariant, s.HarderVariant, [.. s.Precautions.Select(p => new PrecautionResponse(WireName.Of(p.Screen), p.Reason))],
            [.. s.Media.Select(m => MediaResponse.From(m, language, media))]);

    public static RoutineTemplateResponse ToResponse(this RoutineTemplate t) =>
        new(t.Slug, t.Name, t.Summary, t.Condition,
            [.. t.Items.Select(i => new RoutineTemplateItemResponse(i.Position, i.Stretch, i.Sets, i.HoldSeconds, i.Repetitions))]);
}
