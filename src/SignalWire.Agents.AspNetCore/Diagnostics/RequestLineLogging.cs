using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SignalWire.Agents.AspNetCore.Diagnostics;

/// <summary>
/// Keeps secure tools' tokens out of the log. ASP.NET Core's hosting diagnostics write every request line,
/// query string included (<c>?__token=...</c>), at Information. This raises that one category to Warning
/// for every logging provider, after the application's own logging configuration, on every reload; and
/// <see cref="EnsureSuppressed"/> refuses to map an agent when the logger in use would still write them
/// (a logging library that bypasses these filters, say).
/// </summary>
internal sealed class RequestLineLogging : IPostConfigureOptions<LoggerFilterOptions>
{
    /// <summary>The category of the request-start and request-finished lines.</summary>
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        // A provider-specific rule beats a general one, so every provider named by a rule gets its own.
        var providers = options.Rules.Select(r => r.ProviderName).Where(p => p is not null).Distinct(StringComparer.Ordinal).ToList();
        options.Rules.Add(new LoggerFilterRule(null, Category, LogLevel.Warning, null));
        foreach (var provider in providers)
        {
            options.Rules.Add(new LoggerFilterRule(provider, Category, LogLevel.Warning, null));
        }
    }

    /// <exception cref="AgentConfigurationException">Request lines would be logged.</exception>
    public static void EnsureSuppressed(ILoggerFactory loggers, string agent)
    {
        if (loggers.CreateLogger(Category).IsEnabled(LogLevel.Information))
        {
            throw new AgentConfigurationException(
                $"Agent '{agent}': the logger writes '{Category}' at Information, and those request lines carry secure-tool tokens in their query strings. " +
                $"Set that category's minimum level to Warning in the logging library you use (with Microsoft.Extensions.Logging, services.AddSignalWireAgent does this for you).");
        }
    }
}
