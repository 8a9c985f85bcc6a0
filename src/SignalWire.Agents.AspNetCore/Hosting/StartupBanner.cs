namespace SignalWire.Agents.AspNetCore.Hosting;

/// <summary>
/// The start-up lines an operator needs: where to point SignalWire and, when they were generated, the
/// credentials. Written to the console (not to the log), once; a configured password is never printed.
/// </summary>
internal static class StartupBanner
{
    public static void Write(TextWriter output, AgentBase agent, IEnumerable<string> listenAddresses)
    {
        var settings = agent.Settings;
        var route = settings.Route + "/";
        var lines = new List<string> { $"SignalWire agent '{agent.Name}' is ready." };
        if (settings.ProxyUrlBase is { } proxy)
        {
            lines.Add($"URL: {proxy.GetLeftPart(UriPartial.Path).TrimEnd('/')}{route}");
        }
        else
        {
            foreach (var address in listenAddresses)
            {
                lines.Add($"URL: {DisplayAddress(address)}{route}");
            }
        }

        lines.Add($"Username: {settings.BasicAuth.Username}");
        lines.Add(settings.BasicAuth.Source == CredentialSource.Generated
            ? $"Password: {settings.BasicAuth.Password}"
            : $"Password: (set via {(settings.BasicAuth.Source == CredentialSource.Environment ? EnvironmentVariables.BasicAuthPassword : "options")})");
        if (settings.BasicAuth.Source == CredentialSource.Generated)
        {
            lines.Add($"(generated for this run; set {EnvironmentVariables.BasicAuthUser} and {EnvironmentVariables.BasicAuthPassword} to keep credentials across restarts)");
        }

        lock (output)
        {
            foreach (var line in lines)
            {
                output.WriteLine(line);
            }

            output.Flush();
        }
    }

    /// <summary>Wildcard bind addresses are shown as <c>localhost</c>, which is where a local tunnel would point.</summary>
    internal static string DisplayAddress(string address) => address
        .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
        .Replace("://[::]", "://localhost", StringComparison.Ordinal)
        .Replace("://+", "://localhost", StringComparison.Ordinal)
        .Replace("://*", "://localhost", StringComparison.Ordinal)
        .TrimEnd('/');
}
