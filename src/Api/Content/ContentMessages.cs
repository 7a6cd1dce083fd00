using SciaticaService.Domain.Content;
using Model = SciaticaService.Domain.Content;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Content;

/// <summary>Domain content to protobuf messages, and protobuf filter values to the wire names the use cases parse.</summary>
internal static class ContentMessages
{
    public static V1.Condition ToMessage(this Model.Condition c) => new()
    {
        Slug = c.Slug,
        Name = c.Name,
        Summary = c.Summary,
        NerveCompression = c.NerveCompression,
        Signs = { c.Signs },
        TypicallyAffects = c.TypicallyAffects,
    };

    public static V1.Imbalance ToMessage(this Model.Imbalance i) => new()
    {
        Slug = i.Slug,
        Name = i.Name,
        Summary = i.Summary,
        TightMuscles = { i.TightMuscles },
        WeakMuscles = { i.WeakMuscles },
        PosturalEffect = i.PosturalEffect,
        SelfCheck = new V1.SelfCheck { Name = i.SelfCheck.Name, Steps = { i.SelfCheck.Steps }, PositiveSign = i.SelfCheck.PositiveSign },
        FeedsConditions = { i.FeedsConditions },
    };

    public static V1.Stretch ToMessage(this Model.Stretch s, Model.Language language, MediaOptions media)
    {
        var message = new V1.Stretch
        {
            Slug = s.Slug,
            Name = s.Name,
            Kind = s.Kind switch
            {
                Model.ExerciseKind.Stretch => V1.ExerciseKind.Stretch,
                Model.ExerciseKind.Strengthening => V1.ExerciseKind.Strengthening,
                Model.ExerciseKind.Mobility => V1.ExerciseKind.Mobility,
                Model.ExerciseKind.NerveGlide => V1.ExerciseKind.NerveGlide,
                _ => V1.ExerciseKind.Unspecified,
            },
            Summary = s.Summary,
            Instructions = { s.Instructions },
            Sides = ToMessage(s.Sides),
            Difficulty = s.Difficulty,
            Bias = s.Bias switch
            {
                Model.DirectionBias.Flexion => V1.DirectionBias.Flexion,
                Model.DirectionBias.Extension => V1.DirectionBias.Extension,
                Model.DirectionBias.Neutral => V1.DirectionBias.Neutral,
                _ => V1.DirectionBias.Unspecified,
            },
            TargetMuscles = { s.TargetMuscles },
            IndicatedFor = { s.IndicatedFor },
            Contraindications = { s.Contraindications.Select(c => new V1.Contraindication { Condition = c.Condition, Reason = c.Reason }) },
            Precautions = { s.Precautions.Select(p => new V1.Precaution { Screen = WireName.Of(p.Screen), Reason = p.Reason }) },
            Cautions = { s.Cautions },
            Media = { s.Media.Select(m => ToMessage(m, language, media)) },
        };
        if (s.HoldSeconds is { } hold)
        {
            message.HoldSeconds = hold;
        }

        if (s.Repetitions is { } repetitions)
        {
            message.Repetitions = repetitions;
        }

        if (s.EasierVariant is { } easier)
        {
            message.EasierVariant = easier;
        }

        if (s.HarderVariant is { } harder)
        {
            message.HarderVariant = harder;
        }

        return message;
    }

    public static V1.Lesson ToMessage(this Model.Lesson lesson, Model.Language language)
    {
        var text = lesson.TextIn(language);
        return new V1.Lesson
        {
            Slug = lesson.Slug,
            Title = text.Title,
            Summary = text.Summary,
            Body = { text.Body },
            Conditions = { lesson.Conditions },
            Triage = { lesson.Triage.Select(WireName.Of) },
            Position = lesson.Position,
        };
    }

    private static V1.Media ToMessage(Model.StretchMedia m, Model.Language language, MediaOptions media)
    {
        var message = new V1.Media
        {
            Kind = WireName.Of(m.Kind),
            Url = m.Url,
            Href = media.FullUrl(m.Url)?.AbsoluteUri ?? string.Empty,
            Width = m.Width,
            Height = m.Height,
            AltText = m.AltTextIn(language),
        };
        if (m.DurationSeconds is { } seconds)
        {
            message.DurationSeconds = seconds;
        }

        return message;
    }

    public static V1.Sides ToMessage(Model.Sides sides) => sides switch
    {
        Model.Sides.EachSide => V1.Sides.EachSide,
        Model.Sides.BothTogether => V1.Sides.BothTogether,
        Model.Sides.AffectedSide => V1.Sides.AffectedSide,
        _ => V1.Sides.Unspecified,
    };

    public static V1.RoutineTemplate ToMessage(this Model.RoutineTemplate t) => new()
    {
        Slug = t.Slug,
        Name = t.Name,
        Summary = t.Summary,
        Condition = t.Condition,
        Items = { t.Items.Select(ToMessage) },
    };

    private static V1.RoutineTemplateItem ToMessage(Model.RoutineTemplateItem item)
    {
        var message = new V1.RoutineTemplateItem { Position = item.Position, Stretch = item.Stretch, Sets = item.Sets };
        if (item.HoldSeconds is { } hold)
        {
            message.HoldSeconds = hold;
        }

        if (item.Repetitions is { } repetitions)
        {
            message.Repetitions = repetitions;
        }

        return message;
    }

    /// <summary>
    /// The wire name of a bias filter: null for "any", and for a number this service does not know, the number
    /// itself, so the use case rejects it with the same error REST gives.
    /// </summary>
    public static string? ToWireName(V1.DirectionBias bias) => bias switch
    {
        V1.DirectionBias.Unspecified => null,
        V1.DirectionBias.Flexion => WireName.Of(Model.DirectionBias.Flexion),
        V1.DirectionBias.Extension => WireName.Of(Model.DirectionBias.Extension),
        V1.DirectionBias.Neutral => WireName.Of(Model.DirectionBias.Neutral),
        _ => ((int)bias).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
