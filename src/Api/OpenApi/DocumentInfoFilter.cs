using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>What the document says about the whole API: servers, licence, contact, the security schemes, and a description for every tag.</summary>
internal sealed class DocumentInfoFilter : IDocumentFilter
{
    /// <summary>Every tag an endpoint group uses; a tag missing here fails the OpenAPI tests.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Content"] = "The public catalogue: the four causes of sciatica, the muscle imbalances behind them, stretches and exercises, and routine templates. Every response carries a strong ETag.",
        ["Identity"] = "Who the service takes the caller to be.",
        ["Assessments"] = "The questionnaire, and assessments: red-flag triage first, then the likely causes and imbalances, explained; with a FHIR R4 export.",
        ["Routines"] = "Personal stretch routines built from an assessment, never containing anything contraindicated; versions and progression.",
        ["Sessions"] = "Logged routine sessions, idempotent under the client's own ids.",
        ["Progress"] = "Adherence, pain, SBI and ODI over weeks, with clinically meaningful changes flagged.",
        ["Partner feed"] = "A partner's events about its members, in order, resumable from any cursor.",
        ["Data rights"] = "A person's own data: all of it exported (JSON or FHIR R4), the log of who read or changed it, and erasure.",
        ["Admin"] = "Content editing and import, partner keys and the audit log. Admins only.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Servers = [new OpenApiServer { Url = "/", Description = "The service that serves this document." }];
        swaggerDoc.Info.License = new OpenApiLicense { Name = "Proprietary: no licence is granted" };
        swaggerDoc.Info.Contact = new OpenApiContact { Name = "SciaticaService team" };

        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            [OpenApiContract.BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A person using the apps: a JWT from the product's identity provider; the user is its `sub`. "
                    + "Admins: a token with the role `admin` (claim `role`).",
            },
            [OpenApiContract.ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "x-api-key",
                Description = "A partner integration's key (created by an admin, shown once). To act for one of the partner's "
                    + $"members, also send `{OpenApiContract.MemberIdHeader}`.",
            },
        };

        swaggerDoc.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
    }
}
