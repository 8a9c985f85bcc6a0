using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>
/// ASP.NET Core's forwarded-headers handling, configured from one agent's settings: <c>X-Forwarded-For</c>,
/// <c>-Proto</c> and <c>-Host</c> are applied only when the connection comes from a trusted proxy (the listed
/// addresses and networks, else loopback), only the entry the nearest proxy added is taken, and a forwarded
/// host must be one the agent allows. Applying it twice is harmless: once applied, the peer is the client,
/// which is not a trusted proxy.
/// </summary>
internal static class ForwardedHeaders
{
    /// <summary>The handler for <paramref name="settings"/>, or <see langword="null"/> when forwarded headers are not trusted.</summary>
    public static ForwardedHeadersMiddleware? For(AgentSettings settings, ILoggerFactory loggers)
    {
        if (!settings.TrustProxyHeaders)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost,
            ForwardLimit = 1,
        };
        if (settings.TrustedProxies.Count > 0)
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in settings.TrustedProxies)
            {
                options.KnownIPNetworks.Add(network);
            }
        }

        foreach (var host in settings.AllowedHosts)
        {
            options.AllowedHosts.Add(host);
        }

        return new ForwardedHeadersMiddleware(static _ => Task.CompletedTask, loggers, Microsoft.Extensions.Options.Options.Create(options));
    }
}
