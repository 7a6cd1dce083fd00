using Google.Protobuf.WellKnownTypes;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using Model = SciaticaService.Domain.Assessments;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Assessments;

/// <summary>Assessments and questionnaires to protobuf, and protobuf answers to domain answers.</summary>
internal static class AssessmentMessages
{
    /// <summary>
    /// The answers, by item code, from whichever shape the request used: the typed list or the Value map. Both shapes
    /// at once, an answer without an item, or an item answered twice are problems of the request's shape, added to
    /// <paramref name="unread"/>; the answers themselves are left to AnswerSheet.Check, so both shapes get the same rules
    /// and messages. Fields are named as elsewhere inside the service (typedAnswers[2]); the gRPC edge renames them.
    /// </summary>
    public static Dictionary<string, AnswerValue> ToAnswers(V1.SubmitAssessmentRequest request, List<ValidationError> unread)
    {
        var answers = request.Answers.ToDictionary(a => a.Key, a => ToAnswer(a.Value), StringComparer.Ordinal);
        if (answers.Count > 0 && request.TypedAnswers.Count > 0)
        {
            const string Both = "Send the answers either in typed_answers or in answers, not in both.";
            unread.Add(new ValidationError("answers", Both));
            unread.Add(new ValidationError("typedAnswers", Both));
        }

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < request.TypedAnswers.Count; i++)
        {
            var answer = request.TypedAnswers[i];
            if (string.IsNullOrEmpty(answer.Item))
            {
                unread.Add(new ValidationError($"typedAnswers[{i}].item", "Name the item answered."));
            }
            else if (first.TryGetValue(answer.Item, out var earlier))
            {
                unread.Add(new ValidationError($"typedAnswers[{i}]", $"This item is answered twice: also at typed_answers[{earlier}]."));
            }
            else
            {
                first[answer.Item] = i;
                // With both shapes sent (reported above) the map's answer to an item stands; each is still checked.
                answers.TryAdd(answer.Item, ToAnswer(answer));
            }
        }

        return answers;
    }

    public static AnswerValue ToAnswer(V1.Answer answer) => answer.ValueCase switch
    {
        V1.Answer.ValueOneofCase.YesNo => new AnswerValue.YesNo(answer.YesNo),
        V1.Answer.ValueOneofCase.Number => new AnswerValue.Number(answer.Number),
        V1.Answer.ValueOneofCase.Choice => new AnswerValue.Text(answer.Choice),
        _ => new AnswerValue.Unsupported("no value"),
    };

    private static V1.Answer ToTyped(string item, AnswerValue answer) => answer switch
    {
        AnswerValue.YesNo b => new V1.Answer { Item = item, YesNo = b.Value },
        // A stored number answers an integer item: a whole number within the item's (32-bit) range.
        AnswerValue.Number n => new V1.Answer { Item = item, Number = decimal.ToInt32(n.Value) },
        AnswerValue.Text t => new V1.Answer { Item = item, Choice = t.Value },
        _ => new V1.Answer { Item = item },
    };

    public static AnswerValue ToAnswer(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.BoolValue => new AnswerValue.YesNo(value.BoolValue),
        // Exactly as sent: a cast to decimal would round 34.00000000000001 to 34 and let it pass as whole.
        Value.KindOneofCase.NumberValue when double.IsFinite(value.NumberValue) && Math.Abs(value.NumberValue) < 1e15 =>
            new AnswerValue.Number(decimal.Parse(value.NumberValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)),
        Value.KindOneofCase.NumberValue => new AnswerValue.Unsupported("a number out of range"),
        Value.KindOneofCase.StringValue => new AnswerValue.Text(value.StringValue),
        Value.KindOneofCase.NullValue => new AnswerValue.Unsupported("null"),
        Value.KindOneofCase.StructValue => new AnswerValue.Unsupported("an object"),
        Value.KindOneofCase.ListValue => new AnswerValue.Unsupported("a list"),
        _ => new AnswerValue.Unsupported("no value"),
    };

    private static Value ToValue(AnswerValue answer) => answer switch
    {
        AnswerValue.YesNo b => Value.ForBool(b.Value),
        AnswerValue.Number n => Value.ForNumber((double)n.Value),
        AnswerValue.Text t => Value.ForString(t.Value),
        _ => Value.ForNull(),
    };

    public static V1.TriageLevel ToMessage(TriageLevel level) => level switch
    {
        TriageLevel.SelfCare => V1.TriageLevel.SelfCare,
        TriageLevel.SeeGp => V1.TriageLevel.SeeGp,
        TriageLevel.Urgent => V1.TriageLevel.Urgent,
        TriageLevel.Emergency => V1.TriageLevel.Emergency,
        _ => V1.TriageLevel.Unspecified,
    };

    public static V1.CareTiming ToMessage(CareTiming timing) => timing switch
    {
        CareTiming.NotNeeded => V1.CareTiming.NotNeeded,
        CareTiming.WithinWeeks => V1.CareTiming.WithinWeeks,
        CareTiming.WithinDays => V1.CareTiming.WithinDays,
        CareTiming.WithinADay => V1.CareTiming.WithinADay,
        CareTiming.Today => V1.CareTiming.Today,
        CareTiming.Now => V1.CareTiming.Now,
        _ => V1.CareTiming.Unspecified,
    };

    private static V1.LikelihoodBand ToMessage(LikelihoodBand? band) => band switch
    {
        LikelihoodBand.LessLikely => V1.LikelihoodBand.LessLikely,
        LikelihoodBand.Possible => V1.LikelihoodBand.Possible,
        LikelihoodBand.MostLikely => V1.LikelihoodBand.MostLikely,
        _ => V1.LikelihoodBand.Unspecified,
    };

    private static V1.ConfidenceLevel ToMessage(ConfidenceLevel level) => level switch
    {
        ConfidenceLevel.Low => V1.ConfidenceLevel.Low,
        ConfidenceLevel.Moderate => V1.ConfidenceLevel.Moderate,
        ConfidenceLevel.High => V1.ConfidenceLevel.High,
        _ => V1.ConfidenceLevel.Unspecified,
    };

    public static V1.Clearance ToMessage(Clearance clearance) => new()
    {
        Id = clearance.Id.ToString(),
        AssessmentId = clearance.AssessmentId.ToString(),
        ClearedBy = clearance.ClearedBy,
        ClearedOn = clearance.ClearedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        RecordedAt = Timestamp.FromDateTimeOffset(clearance.RecordedAt),
        RecordedBy = clearance.RecordedBy,
    };

    public static V1.Triage ToMessage(Model.TriageResult triage) => new()
    {
        Level = ToMessage(triage.Level),
        Flags = { triage.Flags.Select(ToMessage) },
        Advice = triage.Advice,
        RoutineAllowed = triage.RoutineAllowed,
        Timing = ToMessage(triage.Timing),
        NotAsked = { triage.NotAsked ?? [] },
        Standing = triage.Standing is { } standing
            ? new V1.StandingHold
            {
                Source = standing.Source, SourceId = standing.SourceId.ToString(), RaisedAt = Timestamp.FromDateTimeOffset(standing.RaisedAt),
                Level = ToMessage(standing.Level), Flags = { standing.Flags.Select(ToMessage) },
            }
            : null,
    };

    private static V1.RaisedFlag ToMessage(Model.RaisedFlag f) => new()
    {
        Code = f.Code, Name = f.Name, Level = ToMessage(f.Level), Items = { f.Items }, Advice = f.Advice, Timing = ToMessage(f.Timing),
    };

    /// <param name="assessment">The stored assessment.</param>
    /// <param name="shown">Its result with the texts in the language to show; the stored (English) result when null.</param>
    public static V1.Assessment ToMessage(Model.Assessment assessment, Model.AssessmentResult? shown = null)
    {
        var result = shown ?? assessment.Result;
        var message = new V1.Assessment
        {
            Id = assessment.Id.ToString(),
            CreatedAt = Timestamp.FromDateTimeOffset(assessment.CreatedAt),
            QuestionnaireVersion = result.QuestionnaireVersion,
            EngineVersion = result.EngineVersion,
            Triage = ToMessage(result.Triage),
            Causes =
            {
                result.Causes.Select(c => new V1.CauseLikelihood
                {
                    Condition = c.Condition,
                    Probability = c.Probability,
                    RaisedBy = { c.RaisedBy.Select(ToMessage) },
                    LoweredBy = { c.LoweredBy.Select(ToMessage) },
                    Band = ToMessage(c.Band),
                }),
            },
            Inconclusive = result.Inconclusive,
            Summary = result.Summary,
            Imbalances =
            {
                result.Imbalances.Select(i => new V1.ImbalanceLikelihood
                {
                    Imbalance = i.Imbalance, Probability = i.Probability, Likely = i.Likely, Evidence = { i.Evidence.Select(ToMessage) },
                }),
            },
            Scores = new V1.OutcomeScores { PainNow = ToMessage(result.Scores.PainNow), Sbi = ToMessage(result.Scores.Sbi) },
            Disclaimer = result.Disclaimer,
            Screens = { (result.Screens ?? []).Select(WireName.Of) },
            DirectionalPreference = WireName.Of(result.DirectionalPreference),
            Recommendations = { (result.Recommendations ?? []).Select(r => new V1.Recommendation { Code = r.Code, Message = r.Message }) },
        };
        if (result.Scores.Odi is { } odi)
        {
            message.Scores.Odi = ToMessage(odi);
        }

        if (result.Scores.StartBack is { } startBack)
        {
            message.Scores.StartBack = ToMessage(startBack);
        }

        if (result.Confidence is { } confidence)
        {
            message.Confidence = new V1.Confidence { Level = ToMessage(confidence.Level), Reason = confidence.Reason };
        }

        foreach (var (code, value) in assessment.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            message.Answers[code] = ToValue(value);
            message.TypedAnswers.Add(ToTyped(code, value));
        }

        return message;
    }

    public static V1.Questionnaire ToMessage(Questionnaire questionnaire, Language language)
    {
        var definition = questionnaire.Definition.In(language);
        var message = new V1.Questionnaire
        {
            Version = questionnaire.Version,
            Title = definition.Title,
            Introduction = definition.Introduction,
            Contract = definition.Contract,
            Sections =
            {
                definition.Sections.Select(s => new V1.QuestionnaireSection
                {
                    Code = s.Code,
                    Title = s.Title,
                    Items = { s.Items.Select(ToMessage) },
                }),
            },
        };
        message.CausePriors.Add(definition.CausePriors.ToDictionary());
        message.ImbalancePriors.Add(definition.ImbalancePriors.ToDictionary());
        message.PriorSources.Add(ToMessage(definition.PriorSources));
        return message;
    }

    private static V1.QuestionnaireItem ToMessage(Model.QuestionnaireItem item)
    {
        var message = new V1.QuestionnaireItem
        {
            Code = item.Code,
            Text = item.Text,
            Type = item.Type switch
            {
                AnswerType.Boolean => V1.AnswerType.Boolean,
                AnswerType.Integer => V1.AnswerType.Integer,
                AnswerType.Choice => V1.AnswerType.Choice,
                _ => V1.AnswerType.Unspecified,
            },
            Required = item.Required,
            Help = item.Help ?? string.Empty,
            Options = { (item.Options ?? []).Select(o => new V1.AnswerOption { Code = o.Code, Label = o.Label, Evidence = ToMessage(o.Evidence) }) },
            Bands = { (item.Bands ?? []).Select(b => new V1.ValueBand { Min = b.Min, Max = b.Max, Evidence = ToMessage(b.Evidence) }) },
            SkipWhen = { item.SkipWhen ?? [] },
        };
        if (item.Min is { } min)
        {
            message.Min = min;
        }

        if (item.Max is { } max)
        {
            message.Max = max;
        }

        return message;
    }

    private static V1.Evidence ToMessage(Model.Evidence? evidence)
    {
        var message = new V1.Evidence();
        if (evidence?.Causes is { } causes)
        {
            message.Causes.Add(causes.ToDictionary());
        }

        if (evidence?.Imbalances is { } imbalances)
        {
            message.Imbalances.Add(imbalances.ToDictionary());
        }

        message.Sources.Add(ToMessage(evidence?.Sources));
        return message;
    }

    private static Dictionary<string, V1.WeightSource> ToMessage(IReadOnlyDictionary<string, Model.WeightSource>? sources) =>
        (sources ?? new Dictionary<string, Model.WeightSource>()).ToDictionary(
            p => p.Key,
            p =>
            {
                var source = new V1.WeightSource { Citation = p.Value.Citation };
                if (p.Value.Ratio is { } ratio)
                {
                    source.Ratio = ratio;
                }

                return source;
            });

    private static V1.EvidenceItem ToMessage(Model.EvidenceItem item) => new() { Item = item.Item, Answer = item.Answer, Weight = item.Weight };

    private static V1.Score ToMessage(Model.Score score)
    {
        var message = new V1.Score
        {
            Measure = score.Measure, Value = score.Value, Max = score.Max, Band = score.Band ?? string.Empty, ItemsAnswered = score.ItemsAnswered,
        };
        if (score.Subscale is { } subscale)
        {
            message.Subscale = subscale;
        }

        return message;
    }
}
