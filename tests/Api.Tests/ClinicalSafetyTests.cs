using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Assessments;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>The clinical review's vignettes, as a client meets them over the API.</summary>
public sealed class ClinicalSafetyTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();

    /// <summary>Vignette V2: 72, both legs for over 12 weeks, brought on by walking, eased by sitting; weakness bothers a lot.</summary>
    private static JsonObject StableStenosis()
    {
        var answers = DiscAnswers();
        answers["age"] = 72;
        answers["pain_location"] = "both_legs";
        answers["bilateral_leg_symptoms"] = true;
        answers["symptom_duration"] = "over_12_weeks";
        answers["onset"] = "gradual";
        answers["worse_standing_or_walking"] = true;
        answers["eased_by_sitting_or_leaning_forward"] = true;
        answers["worse_sitting"] = false;
        answers["worse_bending_forward"] = false;
        answers["worse_cough_sneeze"] = false;
        answers["leg_raise_reproduces_leg_pain"] = false;
        answers["sbi_weakness"] = 5;
        return answers;
    }

    [Fact]
    public async Task Stable_stenosis_in_both_legs_with_bothersome_weakness_is_a_gp_visit_with_a_routine_not_an_emergency()
    {
        var assessment = await _alice.AssessAsync(StableStenosis());

        Assert.Equal(TriageLevel.SeeGp, assessment.Triage.Level);
        Assert.True(assessment.Triage.RoutineAllowed);
        var create = await _alice.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(assessment.Id, 15));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
    }
    [Fact]
    public async Task An_old_stress_fracture_from_back_bending_sport_keeps_lying_face_down_and_press_ups_out_of_the_routine()
    {
        // Vignette X2b: the adult base rate puts spondylolisthesis under 5%, but the person's own answer raised it.
        var answers = DiscAnswers();
        answers["age"] = 30;
        answers["repeated_back_bending_sport"] = true;
        answers["lying_face_down_or_arching_effect"] = "eases_or_moves_up";

        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(answers)).Id, 60);

        Assert.Contains("isthmic-spondylolisthesis", routine.SafeFor);
        Assert.DoesNotContain(routine.Items, i => i.Stretch.StartsWith("prone", StringComparison.Ordinal));
    }
    [Fact]
    public async Task A_self_recorded_clearance_after_saddle_numbness_needs_a_fresh_questionnaire_before_any_routine()
    {
        var emergency = await _alice.AssessAsync(DiscAnswers(saddleNumbness: true));
        var cleared = await _alice.PostAsync("/api/v1/me/clearances", Json(new JsonObject
        {
            ["assessmentId"] = emergency.Id, ["clearedBy"] = "me", ["clearedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Created, cleared.StatusCode);

        var fromEmergency = await _alice.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(emergency.Id, 15));
        Assert.Equal(HttpStatusCode.Conflict, fromEmergency.StatusCode);
        Assert.Equal(Domain.Errors.ErrorCodes.RoutineNotAllowed, await CodeOf(fromEmergency));
        Assert.Contains("answer the questionnaire again", await fromEmergency.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fresh = await _alice.AssessAsync(DiscAnswers());
        Assert.Equal(HttpStatusCode.Created, (await _alice.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(fresh.Id, 15))).StatusCode);
    }
}
