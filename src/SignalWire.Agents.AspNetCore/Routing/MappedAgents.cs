using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Routing;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>
/// The agents mapped on one application. Two agents may not share a name (tokens, limits and audit lines
/// are bound to it) or a route (the second would never be reached).
/// </summary>
internal static class MappedAgents
{
    private static readonly ConditionalWeakTable<IServiceProvider, Dictionary<string, string>> Hosts = [];

    /// <summary>Records <paramref name="agent"/>; throws when its name or route is already taken on this application.</summary>
    /// <exception cref="AgentConfigurationException">The name or the route is taken.</exception>
    public static void Register(IEndpointRouteBuilder endpoints, AgentBase agent)
    {
        var names = Hosts.GetValue(endpoints.ServiceProvider, static _ => new Dictionary<string, string>(StringComparer.Ordinal));
        var route = agent.Settings.Route.Length == 0 ? "/" : agent.Settings.Route;
        lock (names)
        {
            if (names.TryGetValue(agent.Name, out var taken))
            {
                throw new AgentConfigurationException(
                    $"An agent named '{agent.Name}' is already mapped (at {taken}); give each agent its own Name, since secure-tool tokens, limits and audit lines are bound to it.");
            }

            foreach (var (otherName, otherRoute) in names)
            {
                if (string.Equals(otherRoute, route, StringComparison.OrdinalIgnoreCase))
                {
                    throw new AgentConfigurationException($"Agent '{agent.Name}' and agent '{otherName}' are both mapped at {route}; give each its own Route.");
                }
            }

            names.Add(agent.Name, route);
        }
    }
}
