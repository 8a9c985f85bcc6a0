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
    private static readonly ConditionalWeakTable<IServiceProvider, Dictionary<string, AgentRoutes>> Pipelines = [];

    /// <summary>Records the pipeline and handlers built for agent <paramref name="name"/>, so other endpoints of the same app can run through it.</summary>
    public static void Attach(IEndpointRouteBuilder endpoints, string name, AgentRoutes routes)
    {
        var pipelines = Pipelines.GetValue(endpoints.ServiceProvider, static _ => new Dictionary<string, AgentRoutes>(StringComparer.Ordinal));
        lock (pipelines)
        {
            pipelines[name] = routes;
        }
    }

    /// <summary>The pipeline and handlers mapped for agent <paramref name="name"/>, if any.</summary>
    public static AgentRoutes? Find(IEndpointRouteBuilder endpoints, string name)
    {
        if (!Pipelines.TryGetValue(endpoints.ServiceProvider, out var pipelines))
        {
            return null;
        }

        lock (pipelines)
        {
            return pipelines.GetValueOrDefault(name);
        }
    }

    /// <summary>Records an agent (or service) by name and normalised route; throws when either is already taken on this application.</summary>
    /// <exception cref="AgentConfigurationException">The name or the route is taken.</exception>
    public static void Register(IEndpointRouteBuilder endpoints, string name, string normalizedRoute)
    {
        var names = Hosts.GetValue(endpoints.ServiceProvider, static _ => new Dictionary<string, string>(StringComparer.Ordinal));
        var route = normalizedRoute.Length == 0 ? "/" : normalizedRoute;
        lock (names)
        {
            if (names.TryGetValue(name, out var taken))
            {
                throw new AgentConfigurationException(
                    $"An agent named '{name}' is already mapped (at {taken}); give each agent its own Name, since secure-tool tokens, limits and audit lines are bound to it.");
            }

            foreach (var (otherName, otherRoute) in names)
            {
                if (string.Equals(otherRoute, route, StringComparison.OrdinalIgnoreCase))
                {
                    throw new AgentConfigurationException($"Agent '{name}' and agent '{otherName}' are both mapped at {route}; give each its own Route.");
                }
            }

            names.Add(name, route);
        }
    }

    /// <summary>Forgets <paramref name="name"/> (its agent was unmapped), so the name and its route can be used again.</summary>
    public static void Unregister(IEndpointRouteBuilder endpoints, string name)
    {
        if (Hosts.TryGetValue(endpoints.ServiceProvider, out var names))
        {
            lock (names)
            {
                names.Remove(name);
            }
        }

        if (Pipelines.TryGetValue(endpoints.ServiceProvider, out var pipelines))
        {
            lock (pipelines)
            {
                pipelines.Remove(name);
            }
        }
    }
}
