using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace SignalWire.Agents.Skills;

/// <summary>Registers skills' outbound HTTP on the app's <see cref="IHttpClientFactory"/>.</summary>
public static class SkillHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SkillHttp"/> and its three named clients: <see cref="SkillHttp.ServiceClientName"/> (standard
    /// resilience pipeline per host: total and attempt time-outs, retries of idempotent requests, circuit breaker),
    /// <see cref="SkillHttp.SlowServiceClientName"/> (one attempt within <see cref="SkillHttpOptions.SlowTimeout"/>) and
    /// <see cref="SkillHttp.FetchClientName"/> (SSRF guard at connect time, no proxy, no cookies, a time limit, bounded
    /// redirects). Neither client logs request URLs (some services take their key in the query); SkillHttp logs host
    /// and path only.
    /// </summary>
    public static IServiceCollection AddSignalWireSkillHttp(this IServiceCollection services, Action<SkillHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SkillHttpOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SkillHttpOptions>, OptionsValidator>());

        // Configured services authenticate with headers of their own: redirects are followed by a handler that keeps
        // those headers with their origin (the platform's drops only Authorization).
        services.AddHttpClient(SkillHttp.ServiceClientName, (provider, client) => Prepare(client, Current(provider)))
            .ConfigurePrimaryHttpMessageHandler(() => Handler(allowRedirects: 0, useProxy: true))
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) => Configure(resilience, Current(provider)))
            .SelectPipelineByAuthority();
        services.AddHttpClient(SkillHttp.ServiceClientName)
            .AddHttpMessageHandler(() => new OriginBoundRedirectHandler(ServiceRedirects));

        services.AddHttpClient(SkillHttp.SlowServiceClientName, (provider, client) => Prepare(client, Current(provider)))
            .ConfigurePrimaryHttpMessageHandler(() => Handler(allowRedirects: 0, useProxy: true))
            .RemoveAllLoggers()
            .AddResilienceHandler("slow", (builder, context) => builder.AddTimeout(Current(context.ServiceProvider).SlowTimeout));
        services.AddHttpClient(SkillHttp.SlowServiceClientName)
            .AddHttpMessageHandler(() => new OriginBoundRedirectHandler(ServiceRedirects));

        services.AddHttpClient(SkillHttp.FetchClientName, (provider, client) => Prepare(client, Current(provider)))
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var current = Current(provider);
                var handler = Handler(current.MaxRedirects, useProxy: false);
                handler.ConnectCallback = ConnectGuard.Create(current);
                return handler;
            })
            .RemoveAllLoggers()

            // One pipeline for every host: untrusted URLs must not grow a per-host cache, and are not retried.
            .AddResilienceHandler("fetch", (builder, context) => builder.AddTimeout(Current(context.ServiceProvider).FetchTimeout));

        services.TryAddSingleton<SkillHttp>();
        return services;
    }

    private static SkillHttpOptions Current(IServiceProvider provider) => provider.GetRequiredService<IOptions<SkillHttpOptions>>().Value;

    private static void Prepare(HttpClient client, SkillHttpOptions options)
    {
        // The resilience pipeline owns the time limits.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
    }

    // Configured services honour the environment's proxy; fetched URLs never use one, since the guard must see the address connected to.
    /// <summary>Redirects a configured service may answer with before its answer is taken as it is.</summary>
    private const int ServiceRedirects = 3;

    private static SocketsHttpHandler Handler(int allowRedirects, bool useProxy) => new()
    {
        AllowAutoRedirect = allowRedirects > 0,
        MaxAutomaticRedirections = Math.Max(1, allowRedirects),
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        UseProxy = useProxy,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    private static void Configure(HttpStandardResilienceOptions resilience, SkillHttpOptions options)
    {
        resilience.TotalRequestTimeout.Timeout = options.Timeout;
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
        resilience.Retry.DisableForUnsafeHttpMethods();
        if (options.MaxRetries == 0)
        {
            resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
        }

        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, options.AttemptTimeout.Ticks * 2));
    }

    private sealed class OptionsValidator : IValidateOptions<SkillHttpOptions>
    {
        public ValidateOptionsResult Validate(string? name, SkillHttpOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (AgentConfigurationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
