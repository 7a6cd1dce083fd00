using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SciaticaService.Api.Privacy;

/// <summary>
/// Records each successful gRPC call on a person's data in their access log, named as <see cref="AccessRecording"/>
/// names REST calls. The member comes from the request's <c>member_id</c> field, as the services read it.
/// </summary>
internal sealed class AccessRecordingInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var response = await continuation(request, context);
        if (DataOf(context.Method) is var (data, read))
        {
            var memberId = (request as IMessage)?.Descriptor.FindFieldByName("member_id")?.Accessor.GetValue((IMessage)request) as string;
            AccessRecording.Record(context.GetHttpContext(), data, read, memberId);
        }

        return response;
    }

    /// <summary>What a method touches and whether it only reads; null for methods on no person's data.</summary>
    public static (string Data, bool Read)? DataOf(string method)
    {
        var parts = method.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var service, var name])
        {
            return null;
        }

        var read = name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal);
        string? data = service switch
        {
            "sciatica.v1.AssessmentService" when name.Contains("Clearance", StringComparison.Ordinal) => "clearances",
            "sciatica.v1.AssessmentService" when name != "GetQuestionnaire" => "assessments",
            "sciatica.v1.RoutineService" => "routines",
            "sciatica.v1.SessionService" => "sessions",
            "sciatica.v1.ProgressService" => "progress",
            _ => null,
        };
        return data is null ? null : (data, read);
    }
}
