using System.Reflection;
using System.Text.Json;
using SciaticaService.Api.Admin;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Content;
using Assessments = SciaticaService.Api.Assessments;
using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Tests;

/// <summary>
/// The admin API's content types, the questionnaire's and the translation report's are kept apart from their Domain
/// records but must carry every member of them: a member Domain gains and the API lacks would be dropped by an export
/// or import, or missing from a response.
/// </summary>
public sealed class AdminContentShapeTests
{
    [Fact]
    public void Every_admin_content_type_has_exactly_the_members_of_its_import_format_record()
    {
        var problems = new List<string>();
        Compare(typeof(ContentDocument), typeof(Model.ContentDocument), problems, []);
        Compare(typeof(TranslationReport), typeof(Model.TranslationReport), problems, []);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_shipped_content_maps_to_the_admin_types_and_back_unchanged()
    {
        var files = await ContentFiles.ReadAsync(Path.Combine(Repository.Root, "content"), default);
        var model = files.Document;

        var wire = ContentDocument.From(model);

        Assert.Equal(JsonSerializer.Serialize(model, ContentFiles.JsonOptions), JsonSerializer.Serialize(wire, ContentFiles.JsonOptions));
        Assert.Equal(JsonSerializer.Serialize(model, ContentFiles.JsonOptions), JsonSerializer.Serialize(wire.ToModel(), ContentFiles.JsonOptions));
    }

    [Fact]
    public async Task The_shipped_questionnaire_maps_to_the_api_types_and_back_unchanged()
    {
        await using var file = File.OpenRead(Path.Combine(Repository.Root, "content", "questionnaire.json"));
        var model = (await JsonSerializer.DeserializeAsync<Model.ContentDocument>(file, ContentFiles.JsonOptions))!.Questionnaire!;

        var wire = Assessments.QuestionnaireDefinition.From(model);

        Assert.NotNull(model.Translations);
        Assert.Equal(JsonSerializer.Serialize(model, ContentFiles.JsonOptions), JsonSerializer.Serialize(wire, ContentFiles.JsonOptions));
        Assert.Equal(JsonSerializer.Serialize(model, ContentFiles.JsonOptions), JsonSerializer.Serialize(wire.ToModel(), ContentFiles.JsonOptions));
    }

    private static void Compare(Type wire, Type model, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(wire))
        {
            return;
        }

        var wireProperties = Properties(wire);
        var modelProperties = Properties(model);
        foreach (var name in modelProperties.Keys.Except(wireProperties.Keys))
        {
            problems.Add($"{wire.Name} lacks {name}, which {model.FullName} has.");
        }

        foreach (var name in wireProperties.Keys.Except(modelProperties.Keys))
        {
            problems.Add($"{wire.Name} has {name}, which {model.FullName} lacks.");
        }

        foreach (var (name, wireType) in wireProperties)
        {
            if (!modelProperties.TryGetValue(name, out var modelType))
            {
                continue;
            }

            var (wireElement, modelElement) = (Element(wireType), Element(modelType));
            if (wireElement.Namespace is { } wireNamespace && DomainNamespaceOf.TryGetValue(wireNamespace, out var domainNamespace))
            {
                if (modelElement.Name != wireElement.Name || modelElement.Namespace != domainNamespace)
                {
                    problems.Add($"{wire.Name}.{name} is {wireElement.Name}, but {model.Name}.{name} is {modelElement.FullName}.");
                    continue;
                }

                Compare(wireElement, modelElement, problems, seen);
            }
            else if (wireType != modelType)
            {
                problems.Add($"{wire.Name}.{name} is {wireType}, but {model.Name}.{name} is {modelType}.");
            }
        }
    }

    // Where each Api namespace's records have their Domain counterparts.
    private static readonly Dictionary<string, string> DomainNamespaceOf = new()
    {
        [typeof(ContentDocument).Namespace!] = typeof(Model.ContentDocument).Namespace!,
        [typeof(Assessments.QuestionnaireDefinition).Namespace!] = typeof(Domain.Assessments.QuestionnaireDefinition).Namespace!,
    };

    private static Dictionary<string, Type> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => p.Name, p => p.PropertyType);

    // The record a member holds, looking through lists, sequences and dictionaries.
    private static Type Element(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || type.GetGenericTypeDefinition() == typeof(IEnumerable<>)) ? type.GetGenericArguments()[0]
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) ? type.GetGenericArguments()[1]
        : type;
}
