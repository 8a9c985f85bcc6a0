using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.Cli.Loading;

/// <summary>An agent the loaded assembly can create: a subclass with a usable constructor, or a marked factory (of an agent or of an agent server).</summary>
/// <param name="Name">The name <c>--agent</c> selects it by (type name or factory name).</param>
/// <param name="Source">Where it comes from, e.g. <c>class MyApp.BankAgent</c>.</param>
/// <param name="CreateAgent">Creates a fresh agent, or <see langword="null"/> for an agent server.</param>
/// <param name="CreateServer">Creates a fresh agent server, or <see langword="null"/> for a single agent.</param>
internal sealed record AgentCandidate(string Name, string Source, Func<AgentBase>? CreateAgent, Func<AgentServer>? CreateServer = null)
{
    /// <summary>Whether this is an agent server, whose agents <c>--route</c> picks.</summary>
    public bool IsServer => CreateServer is not null;

    /// <summary>Creates the agent: this one, or the one at <paramref name="route"/> of this server.</summary>
    /// <exception cref="CliException"><paramref name="route"/> is missing for a server, given for a single agent, or names no agent.</exception>
    public AgentBase Create(string? route)
    {
        if (CreateServer is null)
        {
            return route is null ? CreateAgent!() : throw new CliException($"--route: '{Name}' is a single agent, not an agent server.");
        }

        var server = CreateServer();
        var routes = string.Join(", ", server.Routes.Keys.Order(StringComparer.Ordinal));
        if (route is null)
        {
            throw new CliException($"'{Name}' is an agent server; choose one of its agents with --route ROUTE ({routes}).");
        }

        return server.GetAgent(route) ?? throw new CliException($"--route: '{Name}' has no agent at '{route}'. Routes: {routes}.");
    }
}
