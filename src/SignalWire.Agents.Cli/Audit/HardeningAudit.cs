using SignalWire.Agents.Security;
using SignalWire.Agents.Tools;
using static SignalWire.Agents.Cli.Audit.AuditFinding;
using Env = SignalWire.Agents.EnvironmentVariables;

namespace SignalWire.Agents.Cli.Audit;

/// <summary>
/// The production hardening checklist, evaluated against one agent and the environment it would run in.
/// Each check yields PASS, WARN (worth fixing) or FAIL (must be fixed; the audit exits 1).
/// </summary>
internal static class HardeningAudit
{
    /// <summary>Shortest password and token secret accepted as production-grade.</summary>
    public const int MinimumSecretLength = 32;

    public static IReadOnlyList<AuditFinding> Evaluate(AgentBase agent, Func<string, string?> environment)
    {
        var settings = agent.Settings;
        var tools = agent.Tools.All;
        var findings = new List<AuditFinding>
        {
            Https(settings),
            BasicAuth(settings),
            TokenSecret(agent, settings, environment),
        };
        findings.AddRange(SensitiveTools(tools));
        findings.AddRange(ToolSchemas(tools));
        findings.Add(RateLimits(settings, tools));
        findings.Add(AuditLog(settings));
        findings.Add(SigningKey(settings));
        findings.Add(Rotation(settings));
        findings.Add(agent.PromptHasSection(AgentBase.SecurityBoundariesTitle)
            ? Pass("security-boundaries", $"The prompt has a '{AgentBase.SecurityBoundariesTitle}' section.")
            : Warn("security-boundaries", "The prompt has no security-boundaries section telling the model what it must refuse.",
                "Call AddSecurityBoundaries(...) in the agent's constructor."));
        findings.AddRange(OpenEndedParameters(tools));
        findings.Add(OneTimeTokens(settings, tools));
        findings.AddRange(TollFraudAudit.Evaluate(agent));
        findings.Add(settings.CorsOrigins.Contains("*")
            ? Fail("cors", "CORS allows any origin ('*'), so any web page can drive the agent from a visitor's browser.",
                $"List the exact origins in {Env.CorsOrigins}, or leave it unset (CORS off).")
            : Pass("cors", settings.CorsOrigins.Count == 0 ? "CORS is off." : $"CORS allows {settings.CorsOrigins.Count} listed origin(s)."));
        return findings;
    }

    private static AuditFinding Https(AgentSettings settings)
    {
        const string Fix = $"Set {Env.SslEnabled}=true with {Env.SslCertificatePath} and {Env.SslKeyPath}, or terminate TLS at a proxy and set {Env.ProxyUrlBase}=https://...";
        if (settings.SslEnabled)
        {
            var missing = new[] { settings.SslCertificatePath, settings.SslKeyPath }.FirstOrDefault(path => path is null || !File.Exists(path));
            return missing is null
                ? Pass("https", $"HTTPS is served with the certificate {settings.SslCertificatePath}.")
                : Fail("https", $"HTTPS is on but '{missing ?? "(not set)"}' does not exist, so the agent will not start.", Fix);
        }

        return settings.ProxyUrlBase switch
        {
            { Scheme: "https" } proxy => Pass("https", $"Served behind an HTTPS proxy at {proxy.GetLeftPart(UriPartial.Authority)}."),
            { } proxy => Fail("https", $"{Env.ProxyUrlBase} is plain HTTP ({proxy.GetLeftPart(UriPartial.Authority)}): credentials and tool arguments cross the network unencrypted.", Fix),
            null => Fail("https", "Neither HTTPS nor an HTTPS proxy URL is configured: webhook URLs, with their credentials, would travel over plain HTTP.", Fix),
        };
    }

    private static AuditFinding BasicAuth(AgentSettings settings)
    {
        var auth = settings.BasicAuth;
        const string Fix = $"Set {Env.BasicAuthUser} and {Env.BasicAuthPassword} (32+ random characters) and configure the same pair on the SignalWire side.";
        if (auth.Source == CredentialSource.Generated)
        {
            return Fail("basic-auth", "The Basic Auth password is generated at start-up: it changes on every restart and differs between replicas.", Fix);
        }

        if (auth.Password.Length < MinimumSecretLength)
        {
            return Fail("basic-auth", $"The Basic Auth password has {auth.Password.Length} characters; at least {MinimumSecretLength} are required.", Fix);
        }

        return auth.Username == BasicAuthCredentials.DefaultUser
            ? Warn("basic-auth", $"The password is strong, but the user name is the well-known default '{BasicAuthCredentials.DefaultUser}'.", $"Set {Env.BasicAuthUser} to a name of your own.")
            : Pass("basic-auth", $"Credentials are set ({(auth.Source == CredentialSource.Environment ? "environment" : "code")}), password of {auth.Password.Length} characters.");
    }

    private static AuditFinding TokenSecret(AgentBase agent, AgentSettings settings, Func<string, string?> environment)
    {
        const string Fix = $"Set {Env.SwaigSecret} to 32+ random characters, the same on every replica.";
        if (settings.TokenSecretSource == CredentialSource.Generated)
        {
            return Fail("token-secret", "Secure-tool tokens are signed with a per-process secret: they stop validating after a restart and on other replicas.", Fix);
        }

        var length = (agent.Options.SwaigSecret ?? environment(Env.SwaigSecret) ?? string.Empty).Length;
        return length < MinimumSecretLength
            ? Fail("token-secret", $"The token secret has {length} characters; at least {MinimumSecretLength} are required.", Fix)
            : Pass("token-secret", "A shared token secret is set.");
    }

    private static List<AuditFinding> SensitiveTools(IReadOnlyList<ToolDefinition> tools)
    {
        var sensitive = tools.Where(ToolHeuristics.LooksSensitive).ToList();
        var failures = new List<AuditFinding>();
        foreach (var tool in sensitive)
        {
            if (tool.DataMap is not null)
            {
                failures.Add(Fail("sensitive-tools", $"'{tool.Name}' looks sensitive but is a DataMap tool, which the platform runs without a token or confirmation.",
                    "Make it a webhook tool with ToolOptions { Secure = true, RequiresConfirmation = true }."));
                continue;
            }

            var missing = new[] { tool.Secure ? null : "secure", tool.Options.RequiresConfirmation ? null : "confirmation" }.OfType<string>().ToList();
            if (missing.Count > 0)
            {
                failures.Add(Fail("sensitive-tools", $"'{tool.Name}' looks sensitive (money, deletion or credentials) but lacks {string.Join(" and ", missing)}.",
                    "Define it with ToolOptions { Secure = true, RequiresConfirmation = true }."));
            }
        }

        return failures.Count > 0 ? failures
            : [Pass("sensitive-tools", sensitive.Count == 0 ? "No tool looks sensitive." : $"{sensitive.Count} sensitive tool(s) are secure and require confirmation.")];
    }

    private static List<AuditFinding> ToolSchemas(IReadOnlyList<ToolDefinition> tools)
    {
        var findings = new List<AuditFinding>();
        foreach (var tool in tools)
        {
            if (ToolHeuristics.UntypedParameters(tool).ToList() is { Count: > 0 } untyped)
            {
                findings.Add(Fail("tool-schemas", $"'{tool.Name}': parameter(s) {string.Join(", ", untyped)} have no type, so any value passes validation.",
                    "Give every parameter a \"type\" (or use a typed argument record with DefineTool<TArgs>)."));
            }

            if (ToolHeuristics.Properties(tool).Any() && tool.Parameters["required"] is null)
            {
                findings.Add(Warn("tool-schemas", $"'{tool.Name}' has no \"required\" list, so the model may call it with any parameter missing.",
                    "List the parameters the handler needs in \"required\"."));
            }
        }

        return findings.Count > 0 ? findings : [Pass("tool-schemas", $"All {tools.Count} tool(s) type every parameter and list the required ones.")];
    }

    private static AuditFinding RateLimits(AgentSettings settings, IReadOnlyList<ToolDefinition> tools)
    {
        if (settings.RateLimitPerMinute is { } perIp)
        {
            return Pass("rate-limits", $"Every client IP is limited to {perIp} requests per minute.");
        }

        var unlimited = tools.Where(t => t.DataMap is null && t.Options.RateLimit is null).Select(t => t.Name).ToList();
        return unlimited.Count == 0
            ? Pass("rate-limits", "Every webhook tool has a per-caller rate limit.")
            : Warn("rate-limits", $"No rate limit on {string.Join(", ", unlimited)}, and no per-IP ceiling.",
                $"Set ToolOptions.RateLimit (e.g. ToolRateLimit.PerMinute(10)) or {Env.RateLimit}.");
    }

    private static AuditFinding AuditLog(AgentSettings settings)
    {
        if (settings.AuditToStandardOutput)
        {
            return Warn("audit-log", "Audit events go to standard output as JSON lines: as durable as whatever collects it.",
                $"Make sure your platform ships standard output to a log store, or set {Env.AuditLogPath} to a file on persistent storage.");
        }

        if (settings.AuditLogPath is not { Length: > 0 } path)
        {
            return Warn("audit-log", "Audit events go only to the application log (category SignalWire.Agents.Audit), which is easy to lose or rotate away.",
                $"Set {Env.AuditLogPath} to a file on persistent storage, or ship the SignalWire.Agents.Audit category to your log store.");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        return directory is null || Directory.Exists(directory)
            ? Pass("audit-log", $"Audit events are also written to {path}.")
            : Fail("audit-log", $"The audit log directory '{directory}' does not exist.", "Create it, or point the audit log path at an existing directory.");
    }

    private static AuditFinding SigningKey(AgentSettings settings) => settings.SigningKey is not null
        ? Pass("signing-key", "Webhook requests must carry a valid X-SignalWire-Signature.")
        : Warn("signing-key", "Webhook signatures are not checked: anyone holding the Basic Auth pair can forge platform requests, and bodies are not integrity-checked.",
            $"Set {Env.SigningKey} to the signing key of your SignalWire project.");

    private static AuditFinding Rotation(AgentSettings settings)
    {
        var previous = new[]
        {
            (settings.Tokens.AcceptsPreviousSecret, Env.PreviousSwaigSecret),
            (settings.BasicAuth.AcceptsPreviousPassword, Env.PreviousBasicAuthPassword),
            (settings.PreviousSigningKey is not null, Env.PreviousSigningKey),
        }.Where(p => p.Item1).Select(p => p.Item2).ToList();
        return previous.Count == 0
            ? Pass("rotation", "No previous credential is accepted.")
            : Warn("rotation", $"A rotation is under way: {string.Join(", ", previous)} still accepted.",
                "Remove the previous values once the platform uses the new ones and the token lifetime has passed (docs/security.md).");
    }

    private static List<AuditFinding> OpenEndedParameters(IReadOnlyList<ToolDefinition> tools)
    {
        var findings = tools
            .SelectMany(tool => ToolHeuristics.OpenEndedParameters(tool).Select(parameter => Warn("open-ended-parameters",
                $"'{tool.Name}.{parameter}' is a free-form string named like a query or command; callers can talk the model into passing anything.",
                "Replace it with specific parameters, or constrain it (enum or pattern) and never hand it to a database or shell unescaped.")))
            .ToList();
        return findings.Count > 0 ? findings : [Pass("open-ended-parameters", "No free-form query or command parameters.")];
    }

    private static AuditFinding OneTimeTokens(AgentSettings settings, IReadOnlyList<ToolDefinition> tools)
    {
        if (!tools.Any(t => t.Secure))
        {
            return Pass("one-time-tokens", "No secure tools, so no tokens to replay.");
        }

        return settings.OneTimeTokens
            ? Pass("one-time-tokens", "Each secure-tool token is accepted once.")
            : Warn("one-time-tokens", $"A captured secure-tool token can be replayed until it expires ({settings.Tokens.Lifetime.TotalMinutes:0} min).",
                $"Set {Env.OneTimeTokens}=true (with Redis when running several replicas).");
    }
}
