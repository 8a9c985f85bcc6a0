using Microsoft.Data.Sqlite;
using SignalWire.Agents;

namespace MultiTenantExample;

/// <summary>
/// One agent serving many businesses: each SWML request names its tenant (<c>?tenant=acme</c> on the webhook URL
/// SignalWire is given), and the agent reads that tenant's name, greeting and voice from a SQLite database for that
/// call only. An unknown tenant gets the neutral defaults; nothing about one tenant leaks into another's call.
/// </summary>
public sealed class MultiTenantAgent : AgentBase
{
    /// <summary>The environment variable naming the SQLite connection string.</summary>
    public const string DatabaseVariable = "TENANTS_DB";

    private readonly string _connection;

    /// <summary>Creates the agent over <paramref name="connectionString"/> (default <see cref="DatabaseVariable"/>, else a seeded shared in-memory database).</summary>
    public MultiTenantAgent(AgentOptions? options = null, string? connectionString = null)
        : base(options ?? new AgentOptions { Name = "multi-tenant" })
    {
        _connection = connectionString ?? Environment.GetEnvironmentVariable(DatabaseVariable) ?? TenantDatabase.CreateSeeded();
        PromptAddSection("Role", "You answer the phone for a small business.");
        AddLanguage("English", "en-US", "rime.spore");
        OnRequest(async (request, agent, cancellationToken) =>
        {
            var slug = request.Query.TryGetValue("tenant", out var value) ? value : null;
            var tenant = slug is null ? null : await TenantDatabase.FindAsync(_connection, slug, cancellationToken).ConfigureAwait(false);
            agent.PromptAddSection("Business", tenant is null
                ? "The business did not say who it is: greet the caller neutrally and take a message."
                : $"You answer for {tenant.Name}. Greet callers with: \"{tenant.Greeting}\"");
            if (tenant is not null)
            {
                agent.SetLanguages(new LanguageSettings("English", "en-US", tenant.Voice));
            }
        });
    }
}

/// <summary>One tenant's row.</summary>
public sealed record Tenant(string Slug, string Name, string Greeting, string Voice);

/// <summary>The tenants table: parameterised reads only.</summary>
public static class TenantDatabase
{
    /// <summary>Creates a shared in-memory database with two tenants and returns its connection string (kept alive for the process).</summary>
    public static string CreateSeeded()
    {
        var connectionString = $"Data Source=tenants-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        KeepAlive.Add(keepAlive);
        using var command = keepAlive.CreateCommand();
        command.CommandText = """
            CREATE TABLE tenants (slug TEXT PRIMARY KEY, name TEXT NOT NULL, greeting TEXT NOT NULL, voice TEXT NOT NULL);
            INSERT INTO tenants VALUES ('acme', 'Acme Plumbing', 'Acme Plumbing, how can we help?', 'rime.spore');
            INSERT INTO tenants VALUES ('bella', 'Bella Salon', 'Thank you for calling Bella Salon!', 'rime.luna');
            """;
        command.ExecuteNonQuery();
        return connectionString;
    }

    /// <summary>The tenant with <paramref name="slug"/>, or <see langword="null"/>.</summary>
    public static async Task<Tenant?> FindAsync(string connectionString, string slug, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT slug, name, greeting, voice FROM tenants WHERE slug = $slug";
        command.Parameters.AddWithValue("$slug", slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Tenant(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    private static readonly List<SqliteConnection> KeepAlive = [];
}
