using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Errors;
using Model = SciaticaService.Domain.Assessments;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Assessments;

/// <summary>Assessments over gRPC: the same use cases as the REST endpoints.</summary>
public sealed class AssessmentGrpcService(AssessmentService assessments, ClearanceService clearances) : V1.AssessmentService.AssessmentServiceBase
{
    [AllowAnonymous]
    public override async Task<V1.Questionnaire> GetQuestionnaire(V1.GetQuestionnaireRequest request, ServerCallContext context) =>
        AssessmentMessages.ToMessage(await assessments.GetQuestionnaireAsync(context.CancellationToken));

    [Authorize]
    public override async Task<V1.Assessment> SubmitAssessment(V1.SubmitAssessmentRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var unread = new List<ValidationError>();
        var id = RequestValues.OptionalUuid(request.Id, "id", unread);
        var answers = AssessmentMessages.ToAnswers(request, unread);
        var submitted = await assessments.SubmitAsync(
            caller, id, request.HasQuestionnaireVersion ? request.QuestionnaireVersion : null, answers, unread, context.CancellationToken);
        return AssessmentMessages.ToMessage(submitted.Assessment);
    }

    [Authorize]
    public override async Task<V1.Assessment> GetAssessment(V1.GetAssessmentRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        return AssessmentMessages.ToMessage(await assessments.GetAsync(caller, RequestValues.Uuid(request.Id, "id"), context.CancellationToken));
    }

    [Authorize]
    public override async Task<V1.ListAssessmentsResponse> ListAssessments(V1.ListAssessmentsRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var page = await assessments.ListAsync(caller, RequestValues.Limit(request.Limit), request.Cursor, context.CancellationToken);
        return new V1.ListAssessmentsResponse
        {
            Assessments = { page.Items.Select(AssessmentMessages.ToMessage) },
            NextCursor = page.NextCursor ?? string.Empty,
        };
    }

    [Authorize]
    public override async Task<V1.RecordClearanceResponse> RecordClearance(V1.RecordClearanceRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var unread = new List<ValidationError>();
        var id = RequestValues.OptionalUuid(request.Id, "id", unread);
        var assessmentId = RequestValues.OptionalUuid(request.AssessmentId, "assessmentId", unread);
        var clearedOn = RequestValues.Day("clearedOn", request.ClearedOn, unread);
        var (clearance, created) = await clearances.RecordAsync(
            caller, id, assessmentId, request.ClearedBy, clearedOn, unread, context.CancellationToken);
        return new V1.RecordClearanceResponse { Clearance = AssessmentMessages.ToMessage(clearance), Created = created };
    }

    [Authorize]
    public override async Task<V1.ListClearancesResponse> ListClearances(V1.ListClearancesRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        return new V1.ListClearancesResponse
        {
            Clearances = { (await clearances.ListAsync(caller, context.CancellationToken)).Select(AssessmentMessages.ToMessage) },
        };
    }
}
