using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using SciaticaService.Api.Security;
using SciaticaService.Contracts.V1;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Api.Identity;

[Authorize]
public sealed class IdentityGrpcService : IdentityService.IdentityServiceBase
{
    public override Task<WhoAmIResponse> WhoAmI(WhoAmIRequest request, ServerCallContext context)
    {
        var caller = CallerResponse.From(context.GetHttpContext().GetCaller(request.MemberId));
        return Task.FromResult(new WhoAmIResponse
        {
            Kind = caller.Kind,
            Subject = caller.Subject,
            IsAdmin = caller.IsAdmin,
            PartnerId = caller.PartnerId?.ToString() ?? string.Empty,
            MemberId = caller.MemberId ?? string.Empty,
            PersonId = caller.PersonId ?? string.Empty,
        });
    }
}
