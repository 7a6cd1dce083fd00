using Google.Protobuf.Reflection;

namespace SciaticaService.Api.Errors;

/// <summary>
/// Names a field the way a gRPC request has it. Inside the service a field is named as REST names it (camelCase,
/// relative to the REST body: <c>items[0].painDuring</c>); over gRPC it is the path of proto field names from the
/// request message's root (<c>report.items[0].pain_during</c>), as <c>google.rpc.BadRequest</c> asks. Names that are
/// not request fields, such as the questionnaire's item codes, pass unchanged.
/// </summary>
internal static class ProtoFieldPath
{
    // REST path parameters that the gRPC request carries as its own id field.
    private static readonly Dictionary<string, string> PathParameters = new(StringComparer.Ordinal) { ["sessionId"] = "id" };

    public static string Of(MessageDescriptor request, string path)
    {
        if (PathParameters.TryGetValue(path, out var id) && Find(request, id) is not null)
        {
            return id;
        }

        var segments = path.Split('.');
        var head = Name(segments[0]);
        if (Find(request, head) is not null)
        {
            return Walk(request, segments);
        }

        // What REST takes as its body, gRPC may carry in one field of the request (PutSessionRequest.report).
        var bodies = request.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == FieldType.Message && !f.IsRepeated && !f.IsMap && Find(f.MessageType, head) is not null)
            .ToList();
        return bodies.Count == 1 ? $"{bodies[0].Name}.{Walk(bodies[0].MessageType, segments)}" : path;
    }

    private static string Walk(MessageDescriptor message, string[] segments)
    {
        var names = new List<string>(segments.Length);
        MessageDescriptor? current = message;
        for (var i = 0; i < segments.Length; i++)
        {
            var name = Name(segments[i]);
            if (current is null || Find(current, name) is not { } field)
            {
                names.AddRange(segments[i..]);
                break;
            }

            names.Add(field.Name + segments[i][name.Length..]);
            current = field.FieldType == FieldType.Message && !field.IsMap ? field.MessageType : null;
        }

        return string.Join('.', names);
    }

    private static FieldDescriptor? Find(MessageDescriptor message, string name) =>
        message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name || f.Name == name);

    // "items[0]" is the field "items" at index 0.
    private static string Name(string segment) => segment.IndexOf('[', StringComparison.Ordinal) is > 0 and var bracket ? segment[..bracket] : segment;
}
