using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>
/// Makes <c>/swagger/v1/swagger.json</c> a contract that client generators can trust: security per operation, one
/// typed ProblemDetails on every error status, <c>required</c> and nullability as the serializer reads and writes
/// them, typed answers, and the FHIR export as what it is. Program.cs only calls <see cref="AddOpenApiContract"/>.
/// </summary>
public static class OpenApiContract
{
    public const string BearerScheme = "bearer";
    public const string ApiKeyScheme = "apiKey";
    public const string MemberIdHeader = "x-member-id";
    public const string ProblemMediaType = "application/problem+json";

    public static IServiceCollection AddOpenApiContract(this IServiceCollection services)
    {
        services.ConfigureSwaggerGen(options =>
        {
            options.SupportNonNullableReferenceTypes();
            // A $ref cannot carry a description or nullability beside it in OpenAPI 3.0; allOf can.
            options.UseAllOfToExtendReferenceSchemas();
            options.SchemaFilter<WireShapeSchemaFilter>();
            options.SchemaFilter<ProblemSchemaFilter>();
            options.SchemaFilter<AnswerSchemaFilter>();
            options.RequestBodyFilter<RequestBodyFilter>();
            options.OperationFilter<SecurityRequirementsFilter>();
            options.OperationFilter<ErrorResponsesFilter>();
            options.OperationFilter<FhirResponseFilter>();
            options.OperationFilter<ConditionalGetFilter>();
            options.OperationFilter<LanguageHeadersFilter>();
            options.DocumentFilter<DocumentInfoFilter>();
        });
        return services;
    }
}
