using System.Collections.Frozen;

namespace SignalWire.Agents.AspNetCore.Servers;

/// <summary>Reading the user part of the address a call was made to, and the names each agent answers to.</summary>
internal static class SipRouting
{
    /// <summary>
    /// The user part of a <c>sip:</c>/<c>sips:</c> URI (<c>sales</c> in <c>sip:sales@example.sip.signalwire.com</c>) or
    /// the number of a <c>tel:</c> URI; <see langword="null"/> for anything else (a plain number is not routed).
    /// </summary>
    public static string? UserPart(string to)
    {
        var value = to.Trim();
        if (value.StartsWith('<') && value.EndsWith('>'))
        {
            value = value[1..^1];
        }

        if (!value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return Destinations.SipAddress.Parse(value)?.User;
        }

        var number = value[4..];
        var parameters = number.IndexOf(';', StringComparison.Ordinal);
        number = parameters >= 0 ? number[..parameters] : number;
        return number.Length == 0 ? null : Uri.UnescapeDataString(number);
    }

    /// <summary>The names an agent answers to without registration: its name, and the last segment of its route.</summary>
    public static IEnumerable<string> DerivedNames(AgentBase agent, string route)
    {
        yield return agent.Name;
        var last = route.TrimEnd('/');
        last = last[(last.LastIndexOf('/') + 1)..];
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    /// <summary>A case-insensitive table of name to route: registered names first, then derived ones that are not taken.</summary>
    public static FrozenDictionary<string, string> Table(IEnumerable<KeyValuePair<string, string>> registered, IEnumerable<(string Route, AgentBase Agent)> agents)
    {
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, route) in registered)
        {
            table[name] = route;
        }

        foreach (var (route, agent) in agents)
        {
            foreach (var name in DerivedNames(agent, route))
            {
                table.TryAdd(name, route);
            }
        }

        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
