namespace SciaticaService.Infrastructure.Database;

/// <summary>The circuit is open: the database was unreachable just now, so this call does not wait on it again.</summary>
public sealed class DatabaseCircuitOpenException() : Exception("The database was unreachable moments ago; not trying again yet.");
