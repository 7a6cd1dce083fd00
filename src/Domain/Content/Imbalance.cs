namespace SciaticaService.Domain.Content;

/// <summary>
/// A muscle imbalance: some muscles too tight, their opposites too weak, pulling the pelvis or spine out of
/// position so that the nerve or the discs are loaded unevenly.
/// </summary>
public sealed class Imbalance
{
    public Imbalance(
        string slug,
        string name,
        string summary,
        IReadOnlyList<string> tightMuscles,
        IReadOnlyList<string> weakMuscles,
        string posturalEffect,
        SelfCheck selfCheck,
        IReadOnlyList<string> feedsConditions,
        ContentStatus status = ContentStatus.Published,
        IReadOnlyDictionary<Language, ImbalanceText>? translations = null)
    {
        Slug = slug;
        Name = name;
        Summary = summary;
        TightMuscles = [.. tightMuscles];
        WeakMuscles = [.. weakMuscles];
        PosturalEffect = posturalEffect;
        SelfCheck = selfCheck;
        FeedsConditions = [.. feedsConditions];
        Status = status;
        Translations = new Dictionary<Language, ImbalanceText>(translations ?? new Dictionary<Language, ImbalanceText>());
    }

    // For EF Core, which cannot bind the complex SelfCheck through a constructor.
    private Imbalance()
    {
        Slug = Name = Summary = PosturalEffect = string.Empty;
        TightMuscles = WeakMuscles = FeedsConditions = [];
        SelfCheck = null!;
    }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public string Summary { get; private set; }

    /// <summary>Muscle slugs that are typically short and tight in this pattern.</summary>
    public IReadOnlyList<string> TightMuscles { get; private set; }

    /// <summary>Muscle slugs that are typically weak or inhibited in this pattern.</summary>
    public IReadOnlyList<string> WeakMuscles { get; private set; }

    /// <summary>What the pattern does to the pelvis and spine.</summary>
    public string PosturalEffect { get; private set; }

    public SelfCheck SelfCheck { get; private set; }

    /// <summary>Slugs of the conditions this imbalance makes more likely or worse.</summary>
    public IReadOnlyList<string> FeedsConditions { get; private set; }

    /// <summary>Drafts are seen by admins only; people, partners and routine building see published content.</summary>
    public ContentStatus Status { get; private set; }

    /// <summary>Its text in the languages other than English, which its own fields hold.</summary>
    public IReadOnlyDictionary<Language, ImbalanceText> Translations { get; private set; } = new Dictionary<Language, ImbalanceText>();

    /// <summary>A copy to show in <paramref name="language"/>; itself for English, or for a draft without that language.</summary>
    public Imbalance In(Language language)
    {
        if (!Translations.TryGetValue(language, out var text))
        {
            return this;
        }

        var copy = (Imbalance)MemberwiseClone();
        (copy.Name, copy.Summary, copy.PosturalEffect, copy.SelfCheck) = (text.Name, text.Summary, text.PosturalEffect, text.SelfCheck);
        return copy;
    }

    public void ReplaceWith(Imbalance source)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(source.Slug, Slug);
        Name = source.Name;
        Summary = source.Summary;
        TightMuscles = [.. source.TightMuscles];
        WeakMuscles = [.. source.WeakMuscles];
        PosturalEffect = source.PosturalEffect;
        SelfCheck = source.SelfCheck;
        FeedsConditions = [.. source.FeedsConditions];
        Status = source.Status;
        Translations = new Dictionary<Language, ImbalanceText>(source.Translations);
    }
}
