using SciaticaService.Domain.Errors;
using GrpcStatusCode = global::Grpc.Core.StatusCode;

namespace SciaticaService.Api.Errors;

/// <summary>One table from domain error kinds to each transport's status, so REST and gRPC always agree.</summary>
public static class ErrorMapping
{
    public static int HttpStatus(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict or ErrorKind.NotAllowedNow => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ErrorKind.LimitReached => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static GrpcStatusCode GrpcStatus(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => GrpcStatusCode.InvalidArgument,
        ErrorKind.NotFound => GrpcStatusCode.NotFound,
        ErrorKind.Conflict => GrpcStatusCode.Aborted,
        ErrorKind.PreconditionFailed or ErrorKind.PreconditionRequired or ErrorKind.NotAllowedNow => GrpcStatusCode.FailedPrecondition,
        ErrorKind.LimitReached => GrpcStatusCode.ResourceExhausted,
        _ => GrpcStatusCode.Internal,
    };

    /// <summary>The ProblemDetails <c>type</c> for an error code: stable, so clients may key on it.</summary>
    public static string ProblemType(string code) => $"urn:sciatica:error:{code}";
}
