using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Outbound HTTP for skills, on <see cref="IHttpClientFactory"/>: services the operator configured get timeouts,
/// retries of idempotent requests and a circuit breaker per host (the standard resilience pipeline); URLs from the
/// caller, the AI or a page get the SSRF guard at connect time and a time limit. Every body is read within
/// <see cref="SkillHttpOptions.MaxResponseBytes"/>. Failures are <see cref="SkillHttpException"/>s whose messages and
/// log lines name the host and path only.
/// </summary>
/// <remarks>
/// Register it with <see cref="SkillHttpServiceCollectionExtensions.AddSignalWireSkillHttp"/> and give it to an agent
/// with <see cref="AgentSkillHttpExtensions.UseSkillHttp"/>; an agent without one uses <see cref="Shared"/>.
/// </remarks>
public sealed class SkillHttp
{
    /// <summary>The named client for configured services.</summary>
    public const string ServiceClientName = "SignalWire.Agents.Skills.Service";

    /// <summary>The named client for slow configured services (one attempt, long time limit).</summary>
    public const string SlowServiceClientName = "SignalWire.Agents.Skills.SlowService";

    /// <summary>The named client for untrusted URLs (SSRF-guarded).</summary>
    public const string FetchClientName = "SignalWire.Agents.Skills.Fetch";

    private static readonly Lazy<SkillHttp> SharedInstance = new(() => Create());
    private readonly IHttpClientFactory _factory;
    private readonly ILogger _logger;

    /// <summary>Creates the client over a factory holding the two named clients (as <see cref="SkillHttpServiceCollectionExtensions.AddSignalWireSkillHttp"/> registers them).</summary>
    public SkillHttp(IHttpClientFactory factory, IOptions<SkillHttpOptions> options, ILogger<SkillHttp>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        Options = options.Value;
        Options.Validate();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The process-wide instance with default options, used by agents given none.</summary>
    public static SkillHttp Shared => SharedInstance.Value;

    /// <summary>The options in force.</summary>
    public SkillHttpOptions Options { get; }

    /// <summary>A stand-alone instance with its own client factory (for apps without dependency injection, and tests).</summary>
    /// <exception cref="AgentConfigurationException">An option is out of range.</exception>
    public static SkillHttp Create(SkillHttpOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        var given = options ?? new SkillHttpOptions();
        given.Validate();
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        services.AddSignalWireSkillHttp(given.CopyTo);
        return services.BuildServiceProvider().GetRequiredService<SkillHttp>();
    }

    /// <summary>Sends <paramref name="request"/> and reads the whole body (any status); transport failures, time-outs, refusals and oversized bodies throw.</summary>
    /// <exception cref="SkillHttpException">The request failed before a complete response was read.</exception>
    public async Task<SkillHttpResponse> SendAsync(HttpRequestMessage request, SkillHttpTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no address.", nameof(request));
        var name = uri.IsAbsoluteUri ? SkillHttpException.Describe(request.Method, uri) : request.Method.ToString();
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https"))
        {
            throw Fail(new SkillHttpException(SkillHttpFailure.Refused, $"{name}: only absolute http and https addresses are requested."), name);
        }

        var client = _factory.CreateClient(target switch
        {
            SkillHttpTarget.Untrusted => FetchClientName,
            SkillHttpTarget.SlowService => SlowServiceClientName,
            _ => ServiceClientName,
        });
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await ReadAsync(response.Content, name, cancellationToken).ConfigureAwait(false);
            var type = response.Content.Headers.ContentType;
            return new SkillHttpResponse(response.StatusCode, body, type?.MediaType, type?.CharSet, response.RequestMessage?.RequestUri ?? uri);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SkillHttpException ex)
        {
            throw Fail(ex, name);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            throw Fail(new SkillHttpException(SkillHttpFailure.Timeout, $"{name} did not answer in time.", null, ex), name);
        }
        catch (HttpRequestException ex) when (Guard(ex) is { } refused)
        {
            throw Fail(new SkillHttpException(SkillHttpFailure.Refused, $"{name}: {refused.Message}", null, refused), name);
        }
        catch (HttpRequestException ex)
        {
            throw Fail(new SkillHttpException(SkillHttpFailure.Network, $"{name} failed ({ex.HttpRequestError}).", null, ex), name);
        }
        catch (BrokenCircuitException ex)
        {
            throw Fail(new SkillHttpException(SkillHttpFailure.Network, $"{name} is failing; requests to it are paused for a moment.", null, ex), name);
        }
    }

    /// <summary>GETs JSON from a configured service.</summary>
    /// <exception cref="SkillHttpException">The request failed, the status is not a success, or the body is not JSON.</exception>
    public Task<JsonNode> GetJsonAsync(Uri uri, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Get, uri, null, headers, SkillHttpTarget.Service, cancellationToken);

    /// <summary>POSTs <paramref name="body"/> as JSON to a configured service and reads JSON back.</summary>
    /// <exception cref="SkillHttpException">The request failed, the status is not a success, or the body is not JSON.</exception>
    public Task<JsonNode> PostJsonAsync(Uri uri, JsonNode body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, uri, body ?? throw new ArgumentNullException(nameof(body)), headers, SkillHttpTarget.Service, cancellationToken);

    /// <summary>Sends a request with an optional JSON body to a configured service (<paramref name="target"/>: fast or slow) and reads JSON back.</summary>
    /// <exception cref="SkillHttpException">The request failed, the status is not a success, or the body is not JSON.</exception>
    public async Task<JsonNode> SendJsonAsync(HttpMethod method, Uri uri, JsonNode? body, IEnumerable<KeyValuePair<string, string>>? headers = null, SkillHttpTarget target = SkillHttpTarget.Service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (key, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(SignalWire.Agents.Json.SwmlJson.ToJson(body), Encoding.UTF8, "application/json");
        }

        var response = await SendAsync(request, target, cancellationToken).ConfigureAwait(false);
        var name = SkillHttpException.Describe(method, uri);
        if ((int)response.StatusCode is < 200 or > 299)
        {
            throw Fail(new SkillHttpException(SkillHttpFailure.Status, $"{name} answered {(int)response.StatusCode}.", response.StatusCode), name);
        }

        try
        {
            return JsonNode.Parse(response.Body.Span) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw Fail(new SkillHttpException(SkillHttpFailure.Malformed, $"{name} answered with a body that is not JSON.", response.StatusCode, ex), name);
        }
    }

    private static SkillHttpException? Guard(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SkillHttpException { Failure: SkillHttpFailure.Refused } refused)
            {
                return refused;
            }
        }

        return null;
    }

    private async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent content, string name, CancellationToken cancellationToken)
    {
        var limit = Options.MaxResponseBytes;
        if (content.Headers.ContentLength > limit)
        {
            throw new SkillHttpException(SkillHttpFailure.TooLarge, $"{name} answered with {content.Headers.ContentLength} bytes; the limit is {limit}.");
        }

        using var buffer = new MemoryStream();
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        throw new SkillHttpException(SkillHttpFailure.TooLarge, $"{name} answered with more than {limit} bytes.");
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private SkillHttpException Fail(SkillHttpException exception, string name)
    {
        if (exception.Failure == SkillHttpFailure.Refused)
        {
            SkillHttpLog.Refused(_logger, name, exception.Message);
        }
        else
        {
            SkillHttpLog.Failed(_logger, name, exception.Failure, (int?)exception.StatusCode);
        }

        return exception;
    }
}
