using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SciaticaService.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class SciaticaDbContextDesignFactory : IDesignTimeDbContextFactory<SciaticaDbContext>
{
    public SciaticaDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SciaticaDbContext>();
        SciaticaDatabase.Configure(builder, "Host=localhost;Database=sciatica_design", retryTransientFailures: false);
        return new SciaticaDbContext(builder.Options);
    }
}
