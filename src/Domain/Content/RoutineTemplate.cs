namespace SciaticaService.Domain.Content;

/// <summary>A named, ordered set of exercises for one condition: the starting point of a person's routine.</summary>
public sealed class RoutineTemplate
{
    private List<RoutineTemplateItem> _items;

    /// <summary>
    /// Builds a template. <paramref name="stretches"/> must hold every stretch the items name: the template
    /// refuses any stretch that is contraindicated for its condition, so an unsafe template cannot exist.
    /// </summary>
    public RoutineTemplate(
        string slug,
        string name,
        string summary,
        string condition,
        IReadOnlyList<RoutineTemplateItem> items,
        IReadOnlyDictionary<string, Stretch> stretches,
        ContentStatus status = ContentStatus.Published,
        IReadOnlyDictionary<Language, RoutineTemplateText>? translations = null)
    {
        foreach (var item in items)
        {
            if (!stretches.TryGetValue(item.Stretch, out var stretch))
            {
                throw new ContentInvariantException($"Routine template '{slug}' names unknown stretch '{item.Stretch}'.");
            }

            if (stretch.IsContraindicatedFor(condition))
            {
                throw new ContentInvariantException(
                    $"Routine template '{slug}' contains '{item.Stretch}', which is contraindicated for '{condition}'.");
            }
        }

        Slug = slug;
        Name = name;
        Summary = summary;
        Condition = condition;
        _items = [.. items];
        Status = status;
        Translations = new Dictionary<Language, RoutineTemplateText>(translations ?? new Dictionary<Language, RoutineTemplateText>());
    }

    // For EF Core, which cannot bind the items navigation through a constructor.
    private RoutineTemplate()
    {
        Slug = Name = Summary = Condition = string.Empty;
        _items = [];
    }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public string Summary { get; private set; }

    /// <summary>Slug of the condition this template is for.</summary>
    public string Condition { get; private set; }

    /// <summary>Drafts are seen by admins only; people, partners and routine building see published content.</summary>
    public ContentStatus Status { get; private set; }

    /// <summary>The exercises in the order they are done.</summary>
    /// <remarks>Sorted on the way out because the database returns owned rows in no set order.</remarks>
    public IReadOnlyList<RoutineTemplateItem> Items => [.. _items.OrderBy(i => i.Position)];

    /// <summary>Its text in the languages other than English, which its own fields hold.</summary>
    public IReadOnlyDictionary<Language, RoutineTemplateText> Translations { get; private set; } = new Dictionary<Language, RoutineTemplateText>();

    /// <summary>A copy to show in <paramref name="language"/>; itself for English, or for a draft without that language.</summary>
    public RoutineTemplate In(Language language)
    {
        if (!Translations.TryGetValue(language, out var text))
        {
            return this;
        }

        var copy = (RoutineTemplate)MemberwiseClone();
        (copy.Name, copy.Summary) = (text.Name, text.Summary);
        return copy;
    }

    public void ReplaceWith(RoutineTemplate source)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(source.Slug, Slug);
        Name = source.Name;
        Summary = source.Summary;
        Condition = source.Condition;
        _items = [.. source.Items.Select(i => i with { })];
        Status = source.Status;
        Translations = new Dictionary<Language, RoutineTemplateText>(source.Translations);
    }
}
