using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignalWire.Agents.AspNetCore.Http;

namespace SignalWire.Agents.AspNetCore;

/// <summary>
/// A ready-made Kestrel application for one agent: the listener (HTTP, or HTTPS from PEM files), the
/// agent's routes, <c>/health</c> and <c>/ready</c>, JSON 404/405 answers and hardening headers.
/// </summary>
public static class AgentApplication
{
    /// <summary>Longest a client may take to send a request's headers.</summary>
    private static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Builds (without starting) the application for <paramref name="agent"/>.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="args">Command-line arguments for the host's configuration.</param>
    /// <param name="configure">Optional extra configuration of the builder (services, logging, ...).</param>
    /// <exception cref="AgentConfigurationException">The configuration is unusable, e.g. HTTPS without a readable certificate.</exception>
    public static WebApplication Create(AgentBase agent, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return Create(config => SettingsOf(agent, config), services => services.AddSignalWireAgent(agent), app => app.MapAgent(agent), args, configure, listenOverride: null);
    }

    /// <summary>Builds (without starting) the application for a SWML service (no AI): the same listener, security and health routes as an agent.</summary>
    /// <exception cref="AgentConfigurationException">The configuration is unusable, e.g. HTTPS without a readable certificate.</exception>
    public static WebApplication Create(Swml.SwmlService service, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Create(config =>
        {
            AgentConfiguration.ApplyOnce(service.Name, service.Options, service.SettingsResolved, config);
            return service.Settings;
        }, services => services.AddSignalWireHosting(), app => app.MapSwmlService(service), args, configure, listenOverride: null);
    }

    /// <summary>Builds and runs the SWML service until the process is stopped.</summary>
    public static void Run(this Swml.SwmlService service, string[]? args = null, Action<WebApplicationBuilder>? configure = null) => Create(service, args, configure).Run();

    /// <summary>
    /// As <see cref="Create(AgentBase, string[], Action{WebApplicationBuilder})"/>, but listening with plain HTTP
    /// on <paramref name="listener"/> instead of the agent's configured host, port and certificate: for tools
    /// and tests that run an agent's real pipeline in-process (<c>swaig-test</c> uses 127.0.0.1, port 0).
    /// </summary>
    /// <exception cref="AgentConfigurationException">The configuration is unusable.</exception>
    public static WebApplication Create(AgentBase agent, IPEndPoint listener, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(listener);
        return Create(config => SettingsOf(agent, config), services => services.AddSignalWireAgent(agent), app => app.MapAgent(agent), args, configure, listener);
    }

    private static AgentSettings SettingsOf(AgentBase agent, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        AgentConfiguration.ApplyOnce(agent.Name, agent.Options, agent.SettingsResolved, configuration);
        return agent.Settings;
    }

    /// <summary>The listener, services, middleware and health routes every standalone host shares; <paramref name="map"/> adds what it serves.</summary>
    internal static WebApplication Create(
        Func<Microsoft.Extensions.Configuration.IConfiguration, AgentSettings> resolve, Action<IServiceCollection> register, Action<WebApplication> map, string[]? args, Action<WebApplicationBuilder>? configure, IPEndPoint? listenOverride)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        AgentSettings? settings = null;
        X509Certificate2? certificate = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Runs when the application is built, after the settings below are resolved.
            var resolved = settings!;
            kestrel.AddServerHeader = false;
            // The agent answers 413 itself at its limit; Kestrel's hard cap sits above it so that a modestly
            // oversized body can be drained and the 413 delivered cleanly, while huge bodies cut the connection.
            kestrel.Limits.MaxRequestBodySize = Math.Max(2 * resolved.MaxRequestBodySize, resolved.MaxRequestBodySize + (64 * 1024));
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            // Idle and half-open connections are bounded in number and time, so holding sockets costs an attacker more than us.
            kestrel.Limits.MaxConcurrentConnections = resolved.MaxConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = resolved.MaxConnections;
            kestrel.Limits.KeepAliveTimeout = resolved.KeepAliveTimeout;
            kestrel.Limits.RequestHeadersTimeout = RequestHeadersTimeout;
            if (listenOverride is null)
            {
                Listen(kestrel, resolved, certificate);
            }
            else
            {
                kestrel.Listen(listenOverride);
            }
        });
        register(builder.Services);
        configure?.Invoke(builder);

        // Configuration is complete now (appsettings.json, user secrets, environment, command line, and any
        // source configure added): it fills what code left unset.
        settings = resolve(builder.Configuration);
        certificate = settings.SslEnabled && listenOverride is null ? LoadCertificate(settings) : null;
        if (certificate is not null)
        {
            // Only HTTPS deployments pay for Kestrel's certificate-configuration services at start-up.
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        var timeout = settings.RequestTimeout;
        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = AgentRequestTimeouts.GatewayTimeout(timeout));
        if (settings.CorsOrigins.Count > 0)
        {
            var origins = settings.CorsOrigins;
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. origins])
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Authorization", "Content-Type")));
        }

        var app = builder.Build();
        var hsts = SecurityHeaders.HstsValue(settings);
        app.Use(BodilessResponses.Middleware(hsts));
        if (settings.CorsOrigins.Count > 0)
        {
            app.UseCors();
        }

        app.UseRouting();
        app.UseRequestTimeouts();
        app.MapSignalWireHealth();
        map(app);

        return app;
    }

    /// <summary>Builds and runs the application until the process is stopped (Ctrl+C, SIGTERM); <paramref name="configure"/> adds services such as <c>AddSignalWireRedis</c>.</summary>
    public static void Run(this AgentBase agent, string[]? args = null, Action<WebApplicationBuilder>? configure = null) => Create(agent, args, configure).Run();

    /// <summary>Builds and runs the application until <paramref name="cancellationToken"/> is cancelled or the process stops.</summary>
    public static async Task RunAsync(this AgentBase agent, string[]? args = null, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var app = Create(agent, args, configure);
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Listen(KestrelServerOptions kestrel, AgentSettings settings, X509Certificate2? certificate)
    {
        Action<ListenOptions> configure = certificate is null ? static _ => { } : listen => listen.UseHttps(certificate);
        switch (settings.Host)
        {
            case "0.0.0.0" or "*" or "+":
                kestrel.ListenAnyIP(settings.Port, configure);
                break;
            case "localhost":
                kestrel.ListenLocalhost(settings.Port, configure);
                break;
            default:
                if (!IPAddress.TryParse(settings.Host, out var address))
                {
                    throw new AgentConfigurationException($"Host '{settings.Host}' is not an IP address; use 0.0.0.0, localhost or an address of this machine.");
                }

                kestrel.Listen(address, settings.Port, configure);
                break;
        }
    }

    private static X509Certificate2 LoadCertificate(AgentSettings settings)
    {
        var certPath = settings.SslCertificatePath!;
        var keyPath = settings.SslKeyPath!;
        foreach (var (path, what, variable) in new[] { (certPath, "certificate", EnvironmentVariables.SslCertificatePath), (keyPath, "private key", EnvironmentVariables.SslKeyPath) })
        {
            if (!File.Exists(path))
            {
                throw new AgentConfigurationException($"HTTPS is enabled but the {what} file '{path}' ({variable}) does not exist.");
            }
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new AgentConfigurationException(
                $"HTTPS is enabled but the certificate '{certPath}' and key '{keyPath}' could not be loaded as PEM: {ex.Message}", ex);
        }
    }
}
