namespace SciaticaService.Domain.Errors;

public sealed class NotFoundException(string resource, string key)
    : DomainException(ErrorKind.NotFound, $"{resource}_not_found", $"There is no {resource.Replace('_', ' ')} '{key}'.")
{
    public string Resource { get; } = resource;

    public string Key { get; } = key;
}
