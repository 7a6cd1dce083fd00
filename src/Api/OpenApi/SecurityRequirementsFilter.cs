using Microsoft.OpenApi;
using SciaticaService.Domain.Identity;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>
/// The security requirement of each operation, from its authorization metadata: none for anonymous reads, bearer
/// for admin routes, the API key for the partner feed, and bearer OR API key (with <c>x-member-id</c>) for a person's
/// data.
/// </summary>
internal sealed class SecurityRequirementsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var access = EndpointAccessReader.Of(context.ApiDescription);
        operation.Security = access switch
        {
            EndpointAccess.Anonymous => [],
            EndpointAccess.Admin => [Requirement(context.Document, OpenApiContract.BearerScheme)],
            EndpointAccess.Partner => [Requirement(context.Document, OpenApiContract.ApiKeyScheme)],
            _ => [Requirement(context.Document, OpenApiContract.BearerScheme), Requirement(context.Document, OpenApiContract.ApiKeyScheme)],
        };

        if (access == EndpointAccess.Person)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = OpenApiContract.MemberIdHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = $"Partners (API key) only: the partner's member to act for, 1 to {Caller.MaxMemberIdLength} visible "
                    + "characters; members are namespaced per partner. Needed for a member's data (a 400 without it); app users never send it.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Caller.MaxMemberIdLength, Pattern = "^[!-~]+$" },
            });
        }
    }

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
