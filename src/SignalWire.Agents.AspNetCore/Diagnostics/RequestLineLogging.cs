using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SignalWire.Agents.AspNetCore.Diagnostics;

/// <summary>
/// The log defaults every host of an agent gets. ASP.NET Core's own categories default to Warning (a rule
/// any configuration overrides), so a production log is not one line per request. And secure tools' tokens
/// stay out of the log whatever the configuration: two ASP.NET Core categories write request targets, query
/// string included (<c>?__token=...</c>): the hosting diagnostics' request lines (Information) and Kestrel's
/// account of a refused request (Debug). This raises both above those levels for every logging provider,
/// after the application's own logging configuration and on every reload; <see cref="EnsureSuppressed"/>
/// refuses to map an agent when the logger in use would still write them (a logging library that bypasses
/// these filters, say).
/// </summary>
internal sealed class RequestLineLogging : IPostConfigureOptions<LoggerFilterOptions>
{
    /// <summary>The framework categories that default to Warning (per-request lines at Information otherwise).</summary>
    public const string FrameworkCategory = "Microsoft.AspNetCore";

    /// <summary>The console logger's provider alias.</summary>
    public const string ConsoleProvider = "Console";

    /// <summary>The category of the request-start and request-finished lines.</summary>
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>The category of Kestrel's "bad request data" lines, which quote the request target.</summary>
    public const string BadRequestsCategory = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";

    // Minimum: the floor no configuration lowers. Default: the level when configuration does not name the category.
    // The hosting category defaults to None: while it is enabled at all (even at Critical only), ASP.NET Core starts
    // an Activity for every request, for log scopes, which costs a tool call several percent. What it would log at
    // Warning and above (a failed start) also surfaces as the exception the host throws.
    private static readonly (string Category, LogLevel Minimum, LogLevel Carrying, LogLevel Default)[] Categories =
    [
        (HostingCategory, LogLevel.Warning, LogLevel.Information, LogLevel.None),
        (BadRequestsCategory, LogLevel.Information, LogLevel.Debug, LogLevel.Information),
    ];

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Production defaults, as the ASP.NET Core templates set them: the framework's own categories at
        // Warning. Inserted first, so any rule from configuration or code for the same category wins.
        options.Rules.Insert(0, new LoggerFilterRule(null, FrameworkCategory, LogLevel.Warning, null));

        // The audit trail reaches standard output through its own batched JSON-lines sink (AgentOptions.AuditLogPath),
        // not line by line through the console logger, whose write per message would cost the hot path far more.
        // Other providers still get the category; configuration can turn the console's copy back on.
        options.Rules.Insert(0, new LoggerFilterRule(ConsoleProvider, Auditing.AuditEvents.Category, LogLevel.None, null));

        // A provider-specific rule beats a general one, so every provider named by a rule gets its own.
        // A level configuration gives the category by its exact name is kept, raised to the floor if need be.
        var providers = options.Rules.Select(r => r.ProviderName).Where(p => p is not null).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (category, minimum, _, fallback) in Categories)
        {
            var general = Floor(Configured(options, null, category) ?? fallback, minimum);
            options.Rules.Add(new LoggerFilterRule(null, category, general, null));
            foreach (var provider in providers)
            {
                options.Rules.Add(new LoggerFilterRule(provider, category, Configured(options, provider, category) is { } level ? Floor(level, minimum) : general, null));
            }
        }
    }

    /// <summary>The level the last rule for exactly <paramref name="provider"/> and <paramref name="category"/> gives, if any.</summary>
    private static LogLevel? Configured(LoggerFilterOptions options, string? provider, string category) =>
        options.Rules.LastOrDefault(r => string.Equals(r.ProviderName, provider, StringComparison.Ordinal) && string.Equals(r.CategoryName, category, StringComparison.Ordinal) && r.Filter is null)?.LogLevel;

    private static LogLevel Floor(LogLevel level, LogLevel minimum) => level < minimum ? minimum : level;

    /// <exception cref="AgentConfigurationException">Request targets would be logged.</exception>
    public static void EnsureSuppressed(ILoggerFactory loggers, string agent)
    {
        foreach (var (category, minimum, carrying, _) in Categories)
        {
            if (loggers.CreateLogger(category).IsEnabled(carrying))
            {
                throw new AgentConfigurationException(
                    $"Agent '{agent}': the logger writes '{category}' at {carrying}, and those lines carry secure-tool tokens in request query strings. " +
                    $"Set that category's minimum level to {minimum} in the logging library you use (with Microsoft.Extensions.Logging, services.AddSignalWireAgent does this for you).");
            }
        }
    }
}
