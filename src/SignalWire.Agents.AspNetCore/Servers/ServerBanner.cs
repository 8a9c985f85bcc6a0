using SignalWire.Agents.AspNetCore.Hosting;

namespace SignalWire.Agents.AspNetCore.Servers;

/// <summary>
/// The start-up lines of an agent server, on the console (not the log), once: the URL, each agent's route and
/// user name, the SIP names, and any password that was generated. A configured password is never printed.
/// </summary>
internal static class ServerBanner
{
    public static void Write(TextWriter output, AgentServer server, IEnumerable<string> listenAddresses)
    {
        var host = server.HostSettings;
        var lines = new List<string> { $"SignalWire agent server is ready ({server.Routes.Count} agent(s))." };
        lines.AddRange(host.ProxyUrlBase is { } proxy
            ? [$"URL: {proxy.GetLeftPart(UriPartial.Path).TrimEnd('/')}/"]
            : listenAddresses.Select(address => $"URL: {StartupBanner.DisplayAddress(address)}/"));
        var generated = new List<string>();
        foreach (var (route, agent) in server.Routes.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase))
        {
            var auth = agent.Settings.BasicAuth;
            lines.Add($"  {route,-16} {agent.Name} (user {auth.Username})");
            if (auth.Source == CredentialSource.Generated)
            {
                generated.Add($"Password for {agent.Name}: {auth.Password}");
            }
        }

        if (server.SipUsernames.Count > 0)
        {
            lines.Add("SIP names: " + string.Join(", ", server.SipUsernames.OrderBy(n => n.Value, StringComparer.OrdinalIgnoreCase).ThenBy(n => n.Key, StringComparer.OrdinalIgnoreCase).Select(n => $"{n.Key} -> {n.Value}")));
        }

        if (server.ShareCredentials && host.BasicAuth.Source == CredentialSource.Generated && server.Agents.Any(a => ReferenceEquals(a.Settings.BasicAuth.Password, host.BasicAuth.Password)))
        {
            lines.Add($"Username: {host.BasicAuth.Username}");
            lines.Add($"Password: {host.BasicAuth.Password}");
            lines.Add($"(shared by the agents above and generated for this run; set {EnvironmentVariables.BasicAuthUser} and {EnvironmentVariables.BasicAuthPassword} to keep credentials across restarts)");
        }

        lines.AddRange(generated);
        Print(output, lines);
    }

    public static void WriteAdded(TextWriter output, AgentBase agent, string route) =>
        Print(output, [$"Agent '{agent.Name}' is now served at {route} (user {agent.Settings.BasicAuth.Username})."]);

    private static void Print(TextWriter output, List<string> lines)
    {
        lock (output)
        {
            foreach (var line in lines)
            {
                output.WriteLine(line);
            }

            output.Flush();
        }
    }
}
