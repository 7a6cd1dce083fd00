using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using Model = SciaticaService.Domain.Assessments;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Assessments;

/// <summary>Assessments over gRPC: the same use cases as the REST endpoints.</summary>
public sealed class AssessmentGrpcService(AssessmentService assessments, ClearanceService clearances, ContentQueries content) : V1.AssessmentService.AssessmentServiceBase
{
    [AllowAnonymous]
    public override async Task<V1.Questionnaire> GetQuestionnaire(V1.GetQuestionnaireRequest request, ServerCallContext context)
    {
        var questionnaire = await assessments.GetQuestionnaireAsync(context.CancellationToken);
        var language = questionnaire.Definition.ShownIn(Content.RequestLanguage.Of(context));
        await context.WriteResponseHeadersAsync(new Metadata { { Content.RequestLanguage.ResponseMetadataKey, WireName.Of(language) } });
        return AssessmentMessages.ToMessage(questionnaire, language);
    }

    [Authorize]
    public override async Task<V1.Assessment> SubmitAssessment(V1.SubmitAssessmentRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var unread = new List<ValidationError>();
        var id = RequestValues.OptionalUuid(request.Id, "id", unread);
        var answers = AssessmentMessages.ToAnswers(request, unread);
        var submitted = await assessments.SubmitAsync(
            caller, id, request.HasQuestionnaireVersion ? request.QuestionnaireVersion : null, answers, unread, context.CancellationToken,
            Content.RequestLanguage.Of(context));
        return await WithLessonsAsync(submitted.Assessment, context);
    }

    [Authorize]
    public override async Task<V1.Assessment> GetAssessment(V1.GetAssessmentRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        return await WithLessonsAsync(await assessments.GetAsync(caller, RequestValues.Uuid(request.Id, "id"), context.CancellationToken), context);
    }

    [Authorize]
    public override async Task<V1.ListAssessmentsResponse> ListAssessments(V1.ListAssessmentsRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().GetCaller(request.MemberId);
        var page = await assessments.ListAsync(caller, RequestValues.Limit(request.Limit), request.Cursor, context.CancellationToken);
        var messages = new List<V1.Assessment>(page.Items.Count);
        foreach (var item in page.Items)
        {
            messages.Add(await WithLessonsAsync(item, context));
        }

        return new V1.ListAssessmentsResponse
        {
            Assessments = { messages },
            NextCursor = page.NextCursor ?? string.Empty,
        };
    }

    /// <summary>The assessment with the lessons for its result, titled in the language of <c>accept-language</c>.</summary>
    private async Task<V1.Assessment> WithLessonsAsync(Model.Assessment assessment, ServerCallContext context)
    {
        var language = Content.RequestLanguage.ForStored(context, assessment.Language);
        var message = AssessmentMessages.ToMessage(assessment, await content.ResultInAsync(assessment.Result, language, context.CancellationToken));
        message.Language = WireName.Of(language);
        message.MadeIn = WireName.Of(assessment.Language);
        message.Lessons.AddRange((await content.LessonsForAsync(assessment.Result, language, context.CancellationToken))
            .Select(l => new V1.LessonLink { Slug = l.Slug, Title = l.Title }));
        return message;
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
