namespace SciaticaService.Domain.Content;

/// <summary>One of the causes of sciatica that the programme knows about, e.g. piriformis syndrome.</summary>
public sealed class Condition
{
    public Condition(
        string slug, string name, string summary, string nerveCompression, IReadOnlyList<string> signs, string typicallyAffects,
        ContentStatus status = ContentStatus.Published, IReadOnlyDictionary<Language, ConditionText>? translations = null)
    {
        Slug = slug;
        Name = name;
        Summary = summary;
        NerveCompression = nerveCompression;
        Signs = [.. signs];
        TypicallyAffects = typicallyAffects;
        Status = status;
        Translations = new Dictionary<Language, ConditionText>(translations ?? new Dictionary<Language, ConditionText>());
    }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    /// <summary>What it is, in plain words.</summary>
    public string Summary { get; private set; }

    /// <summary>How it ends up pressing on or irritating the sciatic nerve.</summary>
    public string NerveCompression { get; private set; }

    /// <summary>The signs that point towards this cause rather than another.</summary>
    public IReadOnlyList<string> Signs { get; private set; }

    /// <summary>Who it usually affects.</summary>
    public string TypicallyAffects { get; private set; }

    /// <summary>Drafts are seen by admins only; people, partners and routine building see published content.</summary>
    public ContentStatus Status { get; private set; }

    /// <summary>Its text in the languages other than English, which its own fields hold.</summary>
    public IReadOnlyDictionary<Language, ConditionText> Translations { get; private set; } = new Dictionary<Language, ConditionText>();

    /// <summary>A copy to show in <paramref name="language"/>; itself for English, or for a draft without that language.</summary>
    public Condition In(Language language)
    {
        if (!Translations.TryGetValue(language, out var text))
        {
            return this;
        }

        var copy = (Condition)MemberwiseClone();
        (copy.Name, copy.Summary, copy.NerveCompression, copy.Signs, copy.TypicallyAffects) =
            (text.Name, text.Summary, text.NerveCompression, text.Signs, text.TypicallyAffects);
        return copy;
    }

    /// <summary>Takes every field of <paramref name="source"/>, which describes the same condition (same slug).</summary>
    public void ReplaceWith(Condition source)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(source.Slug, Slug);
        (Name, Summary, NerveCompression, Signs, TypicallyAffects, Status) =
            (source.Name, source.Summary, source.NerveCompression, [.. source.Signs], source.TypicallyAffects, source.Status);
        Translations = new Dictionary<Language, ConditionText>(source.Translations);
    }
}
