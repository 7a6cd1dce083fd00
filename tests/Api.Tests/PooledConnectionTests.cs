using System.Text.RegularExpressions;
using Npgsql;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Api.Tests;

/// <summary>
/// The service's connections go back to the pool without Npgsql's reset (SciaticaDatabase.WithServiceDefaults), so
/// whatever session state a statement leaves on a connection reaches the next request that borrows it. These tests
/// hold both halves of that bargain: the default itself, and no statement in the service's sources that leaves such
/// state behind.
/// </summary>
public sealed partial class PooledConnectionTests
{
    [Fact]
    public void Connections_go_back_to_the_pool_without_a_reset_unless_the_connection_string_asks_for_one()
    {
        Assert.True(Settings("Host=db;Database=sciatica").NoResetOnClose);
        Assert.False(Settings("Host=db;Database=sciatica;No Reset On Close=false").NoResetOnClose);
        Assert.False(Settings("Host=db;Database=sciatica;NoResetOnClose=false").NoResetOnClose);
    }

    [Fact]
    public void The_pool_holds_two_connections_per_processor_unless_the_connection_string_sizes_it()
    {
        Assert.Equal(Math.Max(4, 2 * Environment.ProcessorCount), Settings("Host=db;Database=sciatica").MaxPoolSize);
        Assert.Equal(SciaticaDatabase.DefaultMaxPoolSize, Settings("Host=db;Database=sciatica").MaxPoolSize);
        Assert.Equal(40, Settings("Host=db;Database=sciatica;Maximum Pool Size=40").MaxPoolSize);
        Assert.Equal(40, Settings("Host=db;Database=sciatica;MaxPoolSize=40").MaxPoolSize);
    }

    [Theory]
    [InlineData("SET statement_timeout = 0")]
    [InlineData("SET SESSION search_path TO other")]
    [InlineData("SELECT set_config('app.person', {person}, false)")]
    [InlineData("SELECT pg_advisory_lock(42)")]
    [InlineData("SELECT pg_try_advisory_lock_shared(42)")]
    [InlineData("LISTEN content_changed")]
    [InlineData("CREATE TEMP TABLE scratch (id uuid)")]
    [InlineData("DECLARE page CURSOR WITH HOLD FOR SELECT 1")]
    public void Each_kind_of_session_state_is_recognised(string sql) =>
        Assert.True(SessionState().IsMatch(sql), $"not recognised as session state: {sql}");

    [Theory]
    [InlineData("SET LOCAL statement_timeout = 0")]
    [InlineData("SELECT set_config('app.person', {person}, true)")]
    [InlineData("SELECT pg_advisory_xact_lock(42)")]
    [InlineData("ON CONFLICT (partner_id) DO UPDATE SET last_sequence = counters.last_sequence + 1")]
    [InlineData("UNLISTEN *")]
    public void Transaction_scoped_state_is_not_flagged(string sql) =>
        Assert.False(SessionState().IsMatch(sql), $"flagged, though it ends with its transaction: {sql}");

    [Fact]
    public void No_statement_in_the_service_leaves_session_state_on_a_pooled_connection()
    {
        var sources = Directory.GetFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj", "Migrations"]).Any())
            // Listen, or hold the start-up migration lock, on a connection of their own opened with Pooling=false:
            // nobody else ever borrows it.
            .Where(path => Path.GetFileName(path) is not ("ChangeListener.cs" or "MigrationLock.cs"))
            .ToList();
        Assert.True(sources.Count > 50, $"expected the service's sources under src/, found {sources.Count} files");

        var found = sources
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(source => SessionState().IsMatch(source.line))
            .Select(source => $"{Path.GetRelativePath(Repository.Root, source.path)}:{source.number}: {source.line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0,
            "session state on a pooled connection leaks into the next request (No Reset On Close): keep it to a transaction "
            + "(SET LOCAL, set_config(..., true), pg_advisory_xact_lock) or use a connection of its own.\n" + string.Join('\n', found));
    }

    private static NpgsqlConnectionStringBuilder Settings(string connectionString) => new(SciaticaDatabase.WithServiceDefaults(connectionString));

    // Statements whose effect outlives their transaction: a session-level setting, advisory lock, LISTEN, temporary
    // table or holdable cursor. SQL keywords are upper case in this code base; an UPDATE's SET clause is not a setting.
    [GeneratedRegex(
        @"(?<!\bUPDATE\s+)\bSET\s+(?!LOCAL\b)(SESSION\s+)?[a-z_.]+\s*(=|TO\b)"
        + @"|set_config\s*\([^)]*,\s*false\s*\)"
        + @"|pg_(try_)?advisory_lock(_shared)?\s*\("
        + @"|(?<![A-Za-z])LISTEN\s"
        + @"|CREATE\s+(TEMP|TEMPORARY)\s+TABLE"
        + @"|WITH\s+HOLD\b")]
    private static partial Regex SessionState();
}
