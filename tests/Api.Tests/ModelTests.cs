using Microsoft.EntityFrameworkCore;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Api.Tests;

/// <summary>
/// The service does not diff its model against the migrations at start (it cost start-up time), so this test is the
/// guard that no model change ships without its migration.
/// </summary>
public sealed class ModelTests
{
    private const string AnyConnection = "Host=localhost;Database=sciatica_model_test";

    [Fact]
    public void Every_model_change_has_its_migration()
    {
        using var context = Context();

        Assert.False(context.Database.HasPendingModelChanges(), "the model has changes no migration captures: add a migration (README, Adding a migration)");
    }

    private static SciaticaDbContext Context() => new((DbContextOptions<SciaticaDbContext>)SciaticaDatabase
        .Configure(new DbContextOptionsBuilder<SciaticaDbContext>(), AnyConnection, retryTransientFailures: false)
        .Options);
}
