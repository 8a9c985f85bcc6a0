using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace SignalWire.Rest;

/// <summary>Registers <see cref="SignalWireClient"/> on the app's <see cref="IHttpClientFactory"/>.</summary>
public static class SignalWireRestServiceCollectionExtensions
{

    /// <summary>
    /// Registers <see cref="SignalWireClient"/> (a singleton) and its named HTTP client with the standard resilience
    /// pipeline: total and attempt time-outs, retries of idempotent requests with backoff honouring <c>Retry-After</c>,
    /// a circuit breaker. Unset options come from the SIGNALWIRE_* variables. The HTTP client's own request logging is
    /// removed; the client logs method, path, status and request id only.
    /// </summary>
    public static IServiceCollection AddSignalWireRest(this IServiceCollection services, Action<SignalWireRestOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SignalWireRestOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure(o => o.WithEnvironment(Environment.GetEnvironmentVariable));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignalWireRestOptions>, OptionsValidator>());
        services.AddHttpClient(SignalWireClient.HttpClientName, client =>
            {
                // The resilience pipeline owns the time limits; no answer is read beyond 32 MiB.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = RestTransport.MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                UseCookies = false,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var current = provider.GetRequiredService<IOptions<SignalWireRestOptions>>().Value;
                resilience.TotalRequestTimeout.Timeout = current.Timeout;
                resilience.AttemptTimeout.Timeout = current.AttemptTimeout;
                resilience.Retry.MaxRetryAttempts = Math.Max(1, current.MaxRetries);
                resilience.Retry.Delay = current.RetryDelay;
                resilience.Retry.DisableForUnsafeHttpMethods();
                if (current.MaxRetries == 0)
                {
                    resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                }

                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, current.AttemptTimeout.Ticks * 2));
            });
        services.TryAddSingleton<SignalWireClient>();
        return services;
    }

    /// <summary>
    /// Registers the client with options from <paramref name="section"/> (<c>ProjectId</c>, <c>ApiToken</c>, <c>Space</c>,
    /// <c>BaseAddress</c>, such as the <c>SignalWire:Rest</c> section), then <paramref name="configure"/>, then the
    /// SIGNALWIRE_* variables for what is still unset.
    /// </summary>
    public static IServiceCollection AddSignalWireRest(this IServiceCollection services, IConfiguration section, Action<SignalWireRestOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddSignalWireRest(o =>
        {
            o.ProjectId = section["ProjectId"] ?? o.ProjectId;
            o.ApiToken = section["ApiToken"] ?? o.ApiToken;
            o.Space = section["Space"] ?? o.Space;
            if (section["BaseAddress"] is { Length: > 0 } address)
            {
                o.BaseAddress = Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : throw new SignalWireConfigurationException("BaseAddress must be an absolute URL.");
            }

            configure?.Invoke(o);
        });
    }

    private sealed class OptionsValidator : IValidateOptions<SignalWireRestOptions>
    {
        public ValidateOptionsResult Validate(string? name, SignalWireRestOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (SignalWireConfigurationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
