using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Api.Errors;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Security;

/// <summary>
/// Answers a failed authorization the way each transport expects: a REST call gets 401 or 403 ProblemDetails with a
/// stable code; a gRPC call gets the Unauthenticated or PermissionDenied status with the same code in the
/// <c>error-code</c> trailer.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Challenged && !authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var (status, grpcStatus, code, message) = authorizeResult.Challenged
            ? (StatusCodes.Status401Unauthorized, global::Grpc.Core.StatusCode.Unauthenticated, ErrorCodes.Unauthenticated,
                "A valid bearer token or API key is required.")
            : (StatusCodes.Status403Forbidden, global::Grpc.Core.StatusCode.PermissionDenied, ErrorCodes.Forbidden,
                "The caller is not allowed to do this.");

        if (Http.Hardening.IsGrpc(context))
        {
            await Http.Hardening.WriteGrpcStatusAsync(context, grpcStatus, code, message);
            return;
        }

        context.Response.StatusCode = status;
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
        }

        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Type = ErrorMapping.ProblemType(code),
                Title = message,
                Extensions = { ["code"] = code },
            },
        });
    }
}
