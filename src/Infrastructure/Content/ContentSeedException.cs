namespace SciaticaService.Infrastructure.Content;

/// <summary>Seed content that cannot be applied; the message names the file and the entry.</summary>
public sealed class ContentSeedException(string message) : Exception(message);
