namespace SciaticaService.Domain.Assessments;

/// <summary>
/// One answer as the caller sent it, before it is checked against its item: the transports turn JSON values and
/// protobuf <c>Value</c>s into this, so both are validated by the same rules with the same messages.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(AnswerValueJsonConverter))]
public abstract record AnswerValue
{
    public sealed record YesNo(bool Value) : AnswerValue
    {
        public override string ToString() => Value ? "true" : "false";
    }

    public sealed record Number(decimal Value) : AnswerValue
    {
        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Text(string Value) : AnswerValue
    {
        public override string ToString() => Value;
    }

    /// <summary>Anything else (null, an object, a list): always invalid, kept so that the error can say what came.</summary>
    public sealed record Unsupported(string Kind) : AnswerValue
    {
        public override string ToString() => Kind;
    }
}
