using Grpc.Core;
using SciaticaService.Contracts.V1;
using SciaticaService.Domain.Content;
using Model = SciaticaService.Domain.Content;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Content;

/// <summary>The content catalogue over gRPC: the same use cases as the REST endpoints.</summary>
public sealed class ContentGrpcService(ContentQueries queries, Microsoft.Extensions.Options.IOptions<MediaOptions> media) : ContentService.ContentServiceBase
{
    public override async Task<ListConditionsResponse> ListConditions(ListConditionsRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        return new() { Conditions = { (await queries.ListConditionsAsync(context.CancellationToken)).Select(c => c.In(language).ToMessage()) } };
    }

    public override async Task<V1.Condition> GetCondition(GetConditionRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        return (await queries.GetConditionAsync(request.Slug, context.CancellationToken)).In(language).ToMessage();
    }

    public override async Task<ListImbalancesResponse> ListImbalances(ListImbalancesRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        return new() { Imbalances = { (await queries.ListImbalancesAsync(context.CancellationToken)).Select(i => i.In(language).ToMessage()) } };
    }

    public override async Task<V1.Imbalance> GetImbalance(GetImbalanceRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        return (await queries.GetImbalanceAsync(request.Slug, context.CancellationToken)).In(language).ToMessage();
    }

    public override async Task<ListStretchesResponse> ListStretches(ListStretchesRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        var query = new StretchQuery(
            request.Condition,
            request.SafeFor,
            request.Muscle,
            ContentMessages.ToWireName(request.Bias),
            request.HasMaxDifficulty ? request.MaxDifficulty.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        var stretches = await queries.ListStretchesAsync(query, context.CancellationToken);
        return new() { Stretches = { stretches.Select(s => s.In(language).ToMessage(language, media.Value)) } };
    }

    public override async Task<V1.Stretch> GetStretch(GetStretchRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        return (await queries.GetStretchAsync(request.Slug, context.CancellationToken)).In(language).ToMessage(language, media.Value);
    }

    public override async Task<ListRoutineTemplatesResponse> ListRoutineTemplates(ListRoutineTemplatesRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        return new() { RoutineTemplates = { (await queries.ListRoutineTemplatesAsync(request.Condition, context.CancellationToken)).Select(t => t.In(language).ToMessage()) } };
    }

    public override async Task<V1.RoutineTemplate> GetRoutineTemplate(GetRoutineTemplateRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        return (await queries.GetRoutineTemplateAsync(request.Slug, context.CancellationToken)).In(language).ToMessage();
    }

    public override async Task<ListLessonsResponse> ListLessons(ListLessonsRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        var lessons = await queries.ListLessonsAsync(request.Condition, context.CancellationToken);
        return new() { Lessons = { lessons.Select(l => l.ToMessage(language)) } };
    }

    public override async Task<V1.Lesson> GetLesson(GetLessonRequest request, ServerCallContext context)
    {
        var language = await RequestLanguage.AnnounceAsync(context);
        return (await queries.GetLessonAsync(request.Slug, context.CancellationToken)).ToMessage(language);
    }
}
