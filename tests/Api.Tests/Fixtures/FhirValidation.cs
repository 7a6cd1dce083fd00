using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>Firely's validator against the core R4 profiles, offline, loaded once for the run: building it is the slow part.</summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> CoreValidator = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver));
    });

    /// <summary>The errors and fatal issues the validator finds in a Bundle, each with where it is.</summary>
    public static List<string> Errors(string bundleJson) => CoreValidator.Value.Validate(new FhirJsonDeserializer().Deserialize<Bundle>(bundleJson)).Issue
        .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
        .Select(i => $"{string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")
        .ToList();
}
