namespace SciaticaService.Domain.Content;

/// <summary>
/// The content exchange format: what the files under <c>content/</c> hold and what an admin import takes.
/// Every member is nullable because this is untrusted input; <see cref="ContentValidator"/> turns it into
/// domain objects and reports every missing or wrong value with its path instead of failing on the first one.
/// </summary>
public sealed record ContentDocument
{
    public IReadOnlyList<ConditionEntry?>? Conditions { get; init; }

    public IReadOnlyList<ImbalanceEntry?>? Imbalances { get; init; }

    public IReadOnlyList<StretchEntry?>? Stretches { get; init; }

    public IReadOnlyList<RoutineTemplateEntry?>? RoutineTemplates { get; init; }
}

public sealed record ConditionEntry
{
    public string? Slug { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? NerveCompression { get; init; }

    public IReadOnlyList<string?>? Signs { get; init; }

    public string? TypicallyAffects { get; init; }
}

public sealed record ImbalanceEntry
{
    public string? Slug { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? TightMuscles { get; init; }

    public IReadOnlyList<string?>? WeakMuscles { get; init; }

    public string? PosturalEffect { get; init; }

    public SelfCheckEntry? SelfCheck { get; init; }

    public IReadOnlyList<string?>? FeedsConditions { get; init; }
}

public sealed record SelfCheckEntry
{
    public string? Name { get; init; }

    public IReadOnlyList<string?>? Steps { get; init; }

    public string? PositiveSign { get; init; }
}

public sealed record StretchEntry
{
    public string? Slug { get; init; }

    public string? Name { get; init; }

    /// <summary><c>stretch</c>, <c>strengthening</c>, <c>mobility</c> or <c>nerve_glide</c>.</summary>
    public string? Kind { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? Instructions { get; init; }

    public int? HoldSeconds { get; init; }

    public int? Repetitions { get; init; }

    /// <summary><c>each_side</c>, <c>both_together</c> or <c>affected_side</c>.</summary>
    public string? Sides { get; init; }

    public int? Difficulty { get; init; }

    /// <summary><c>flexion</c>, <c>extension</c> or <c>neutral</c>.</summary>
    public string? Bias { get; init; }

    public IReadOnlyList<string?>? TargetMuscles { get; init; }

    public IReadOnlyList<string?>? IndicatedFor { get; init; }

    public IReadOnlyList<ContraindicationEntry?>? Contraindications { get; init; }

    public IReadOnlyList<string?>? Cautions { get; init; }

    public string? EasierVariant { get; init; }

    public string? HarderVariant { get; init; }
}

public sealed record ContraindicationEntry
{
    public string? Condition { get; init; }

    public string? Reason { get; init; }
}

public sealed record RoutineTemplateEntry
{
    public string? Slug { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? Condition { get; init; }

    public IReadOnlyList<RoutineTemplateItemEntry?>? Items { get; init; }
}

public sealed record RoutineTemplateItemEntry
{
    public string? Stretch { get; init; }

    public int? Sets { get; init; }

    /// <summary>Overrides the stretch's own hold; taken from the stretch when absent.</summary>
    public int? HoldSeconds { get; init; }

    /// <summary>Overrides the stretch's own repetitions; taken from the stretch when absent.</summary>
    public int? Repetitions { get; init; }
}
