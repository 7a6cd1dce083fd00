using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Privacy;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Privacy;

/// <summary>The data rights over gRPC: the same use cases and documents as <see cref="DataRightsEndpoints"/>.</summary>
public sealed class DataRightsGrpcService(
    DataRightsService rights, AssessmentService assessments, Domain.Content.ContentQueries content, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : V1.DataRightsService.DataRightsServiceBase
{
    [Authorize]
    public override async Task<V1.ExportMyDataResponse> ExportMyData(V1.ExportMyDataRequest request, ServerCallContext context)
    {
        var format = PersonalDataDocument.FormatOf(request.Format);
        var data = await rights.ExportAsync(context.GetHttpContext().GetCaller(request.MemberId), context.CancellationToken);
        var document = await PersonalDataDocument.RenderAsync(format, data, assessments, content, json.Value.SerializerOptions, clock.GetUtcNow(), context.CancellationToken);
        return new V1.ExportMyDataResponse { MediaType = document.MediaType, Document = ByteString.CopyFrom(document.Body) };
    }

    [Authorize]
    public override async Task<V1.ListAccessLogResponse> ListAccessLog(V1.ListAccessLogRequest request, ServerCallContext context)
    {
        var (entries, next) = await rights.ListAccessAsync(
            context.GetHttpContext().GetCaller(request.MemberId), request.Cursor, RequestValues.Limit(request.Limit), context.CancellationToken);
        return new V1.ListAccessLogResponse
        {
            Entries =
            {
                entries.Select(AccessLogEntryResponse.From).Select(e => new V1.AccessLogEntry
                {
                    At = Timestamp.FromDateTimeOffset(e.At),
                    Accessor = e.Accessor,
                    PartnerId = e.PartnerId?.ToString() ?? string.Empty,
                    PartnerName = e.PartnerName ?? string.Empty,
                    Action = e.Action,
                    Data = e.Data,
                }),
            },
            NextCursor = next ?? string.Empty,
        };
    }

    [Authorize]
    public override async Task<V1.EraseMeResponse> EraseMe(V1.EraseMeRequest request, ServerCallContext context)
    {
        await rights.EraseAsync(context.GetHttpContext().GetCaller(request.MemberId), context.CancellationToken);
        return new V1.EraseMeResponse();
    }

    [Authorize(Policy = SecurityRegistration.AdminPolicy)]
    public override async Task<V1.ErasePersonResponse> ErasePerson(V1.ErasePersonRequest request, ServerCallContext context)
    {
        await rights.EraseAsAdminAsync(context.GetHttpContext().GetCaller(), request.PersonId, context.CancellationToken);
        return new V1.ErasePersonResponse();
    }
}
