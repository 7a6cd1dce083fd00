using System.Text.Json;
using System.Text.Json.Serialization;

namespace SciaticaService.Domain.Assessments;

/// <summary>Answers are plain JSON values: <c>true</c>, <c>42</c>, <c>"below_knee"</c>. Anything else is kept as unsupported so validation can name it.</summary>
public sealed class AnswerValueJsonConverter : JsonConverter<AnswerValue>
{
    public override bool HandleNull => true;

    public override AnswerValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return new AnswerValue.YesNo(true);
            case JsonTokenType.False:
                return new AnswerValue.YesNo(false);
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var number) ? new AnswerValue.Number(number) : new AnswerValue.Unsupported("a number out of range");
            case JsonTokenType.String:
                return new AnswerValue.Text(reader.GetString()!);
            case JsonTokenType.Null:
                return new AnswerValue.Unsupported("null");
            default:
                // Consume the whole object or list, so that reading goes on after it.
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return new AnswerValue.Unsupported(document.RootElement.ValueKind == JsonValueKind.Array ? "a list" : "an object");
                }
        }
    }

    public override void Write(Utf8JsonWriter writer, AnswerValue value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case AnswerValue.YesNo b:
                writer.WriteBooleanValue(b.Value);
                break;
            case AnswerValue.Number n:
                writer.WriteNumberValue(n.Value);
                break;
            case AnswerValue.Text t:
                writer.WriteStringValue(t.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
