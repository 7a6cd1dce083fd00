using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SciaticaService.Api.Assessments;
using SciaticaService.Api.Routines;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>The steps a person takes, from assessment to routine to sessions, as a client makes them.</summary>
public static class Journeys
{
    /// <summary>A textbook disc presentation with every required item answered.</summary>
    public static JsonObject DiscAnswers(bool saddleNumbness = false)
    {
        var answers = new JsonObject();
        foreach (var flag in Domain.Assessments.RedFlagRules.Items)
        {
            answers[flag] = false;
        }

        answers["saddle_numbness"] = saddleNumbness;
        answers["age"] = 34;
        answers["pain_location"] = "below_knee";
        answers["worse_sitting"] = true;
        answers["worse_bending_forward"] = true;
        answers["worse_cough_sneeze"] = true;
        answers["leg_raise_reproduces_leg_pain"] = true;
        answers["onset"] = "after_lifting_or_accident";
        answers["symptom_duration"] = "2_to_6_weeks";
        answers["hip_replacement"] = false;
        answers["pregnant"] = false;
        answers["pain_now"] = 6;
        answers["sbi_leg_pain"] = 5;
        answers["sbi_numbness"] = 3;
        answers["sbi_weakness"] = 1;
        answers["sbi_sitting"] = 4;
        for (var i = 1; i <= 10; i++)
        {
            answers[$"odi_{i}"] = 2;
        }

        return answers;
    }

    /// <summary>A disc presentation as an app still on questionnaire version 1 answers it (no screens, the merged bones question).</summary>
    public static JsonObject Version1DiscAnswers()
    {
        var answers = DiscAnswers();
        foreach (var code in new[] { "sexual_function_change", "both_legs_recent", "foot_drop", "legs_giving_way", "thoracic_pain", "infection_risk",
                     "osteoporosis", "long_term_steroids", "weakened_immunity", "pain_uncontrolled", "symptom_duration", "hip_replacement", "pregnant" })
        {
            answers.Remove(code);
        }

        answers["steroids_or_osteoporosis"] = false;
        return answers;
    }

    /// <summary>Answers as protobuf values, as a gRPC partner sends them.</summary>
    public static Dictionary<string, Google.Protobuf.WellKnownTypes.Value> ToValues(JsonObject answers) =>
        answers.ToDictionary(a => a.Key, a => a.Value!.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => Google.Protobuf.WellKnownTypes.Value.ForBool(a.Value.GetValue<bool>()),
            System.Text.Json.JsonValueKind.Number => Google.Protobuf.WellKnownTypes.Value.ForNumber(a.Value.GetValue<int>()),
            _ => Google.Protobuf.WellKnownTypes.Value.ForString(a.Value.GetValue<string>()),
        });

    public static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<AssessmentResponse> AssessAsync(this HttpClient client, JsonObject answers)
    {
        var response = await client.PostAsync("/api/v1/assessments", Json(new JsonObject { ["answers"] = answers }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AssessmentResponse>(TestJson.Options))!;
    }

    public static async Task<RoutineResponse> CreateRoutineAsync(this HttpClient client, Guid assessmentId, int minutes = 15)
    {
        var response = await client.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(assessmentId, minutes));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        }

        return (await response.Content.ReadFromJsonAsync<RoutineResponse>(TestJson.Options))!;
    }

    /// <summary>A session report body: every item of the routine done, with the given pains.</summary>
    public static JsonObject Session(RoutineResponse routine, DateTimeOffset completedAt, int before, int after, int? painDuring = 1) => new()
    {
        ["routineId"] = routine.Id,
        ["startedAt"] = completedAt.AddMinutes(-15),
        ["completedAt"] = completedAt,
        ["painBefore"] = before,
        ["painAfter"] = after,
        ["items"] = new JsonArray([.. routine.Items.Select(i => (JsonNode)new JsonObject
        {
            ["stretch"] = i.Stretch, ["done"] = true, ["setsDone"] = i.Sets, ["painDuring"] = painDuring,
        })]),
    };
}
