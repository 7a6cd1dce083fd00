namespace SciaticaService.Domain.Content;

/// <summary>Thrown when code tries to build content that breaks a safety invariant.</summary>
public sealed class ContentInvariantException(string message) : InvalidOperationException(message);
