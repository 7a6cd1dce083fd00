using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Errors;

/// <summary>
/// Maps domain errors thrown by gRPC services to gRPC statuses. The status detail is the message; the stable
/// error code travels as an <c>ErrorInfo</c> reason in the rich status (<c>grpc-status-details-bin</c>) and as
/// the <c>error-code</c> trailer for clients without the rich model; validation errors add a <c>BadRequest</c>.
/// </summary>
internal sealed partial class DomainErrorInterceptor(IStoreFailures storeFailures, ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    public const string ErrorCodeTrailer = "error-code";
    public const string ErrorDomain = "sciatica.v1";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (DomainException exception)
        {
            throw ToRpcException(exception, (request as Google.Protobuf.IMessage)?.Descriptor);
        }
        catch (Exception exception) when (storeFailures.IsUnavailable(exception))
        {
            throw Unavailable();
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The request timeout (or the client) gave up: say so, instead of "Unknown".
            throw Status(StatusCode.DeadlineExceeded, ErrorCodes.RequestTimeout, "The request took too long.");
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Unexpected(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (DomainException exception)
        {
            throw ToRpcException(exception, (request as Google.Protobuf.IMessage)?.Descriptor);
        }
        catch (Exception exception) when (storeFailures.IsUnavailable(exception))
        {
            throw Unavailable();
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw Status(StatusCode.Cancelled, ErrorCodes.Cancelled, "The call was cancelled.");
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Unexpected(exception, context);
        }
    }

    /// <summary>A status in the service's words, with its code in the <c>error-code</c> trailer.</summary>
    public static RpcException Status(StatusCode status, string code, string message) =>
        new(new global::Grpc.Core.Status(status, message), new Metadata { { ErrorCodeTrailer, code } });

    private static RpcException Unavailable() =>
        Status(StatusCode.Unavailable, ErrorCodes.DatabaseUnavailable, "The service cannot reach its database right now; try again shortly.");

    // The caller gets nothing internal; the log keeps the whole exception (EnableDetailedErrors stays off everywhere).
    private RpcException Unexpected(Exception exception, ServerCallContext context)
    {
        LogUnexpected(logger, exception, context.Method);
        return Status(StatusCode.Internal, ErrorCodes.InternalError, "Something went wrong on our side.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error handling gRPC {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method);

    public static RpcException ToRpcException(DomainException exception)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)ErrorMapping.GrpcStatus(exception.Kind),
            Message = exception.Message,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo { Reason = exception.Code, Domain = ErrorDomain }) },
        };
        if (exception is ValidationException validation)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(validation.Errors.Select(e =>
                new BadRequest.Types.FieldViolation { Field = e.Field, Description = e.Message }));
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(badRequest));
        }

        var rpc = status.ToRpcException();
        rpc.Trailers.Add(ErrorCodeTrailer, exception.Code);
        return rpc;
    }

    /// <summary>
    /// As <see cref="ToRpcException(DomainException)"/>, with invalid fields (in the BadRequest and the message) named by
    /// their proto path in the request, as gRPC clients know them (<see cref="ProtoFieldPath"/>); REST keeps its names.
    /// </summary>
    public static RpcException ToRpcException(DomainException exception, Google.Protobuf.Reflection.MessageDescriptor? request) =>
        ToRpcException(exception is ValidationException validation && request is not null
            ? new ValidationException([.. validation.Errors.Select(e => e with { Field = ProtoFieldPath.Of(request, e.Field) })], validation.Code, validation.Kind)
            : exception);
}
