using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SignalWire.Agents.Json;

namespace SignalWire.Rest;

/// <summary>Sends requests to the API: credentials, JSON, errors, paging. Credentials go only to the configured host.</summary>
internal sealed class RestTransport
{
    /// <summary>The largest answer read (a page of a list is far smaller).</summary>
    public const int MaxResponseBytes = 32 * 1024 * 1024;

    private readonly Func<HttpClient> _client;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public RestTransport(Func<HttpClient> client, SignalWireRestOptions options, ILogger logger, TimeProvider time)
    {
        options.Validate();
        _client = client;
        _logger = logger;
        _time = time;
        BaseAddress = options.ResolveBaseAddress();
        ProjectId = options.ProjectId!;
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ProjectId + ":" + options.ApiToken)));
    }

    public Uri BaseAddress { get; }

    public string ProjectId { get; }

    public async Task<JsonNode?> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, CancellationToken cancellationToken)
    {
        var uri = Resolve(pathAndQuery);
        var name = $"{method} {uri.AbsolutePath}";
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(SignalWire.Agents.Json.SwmlJson.ToJson(body), Encoding.UTF8, "application/json");
        }

        string text;
        try
        {
            using var response = await _client().SendAsync(request, cancellationToken).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = RestErrors.FromResponse(name, response, text, _time);
                RestLog.Failed(_logger, method.Method, uri.AbsolutePath, (int)response.StatusCode, error.RequestId);
                throw error;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            throw NoAnswer(name, method, uri, "no answer in time", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw NoAnswer(name, method, uri, "the API is failing; requests are paused for a moment", ex);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw NoAnswer(name, method, uri, $"the answer is larger than {MaxResponseBytes / (1024 * 1024)} MiB", ex);
        }
        catch (HttpRequestException ex)
        {
            throw NoAnswer(name, method, uri, ex.HttpRequestError.ToString(), ex);
        }

        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new SignalWireApiException($"{name} answered with a body that is not JSON.", null, null, null, null, ex);
        }
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, JsonNode? body, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var node = await SendAsync(method, pathAndQuery, body, cancellationToken).ConfigureAwait(false);
        return Read(node, responseType, $"{method} {Resolve(pathAndQuery).AbsolutePath}");
    }

    /// <summary>Every item of a paged list, page after page, following <c>links.next</c> (on this host only, each page once).</summary>
    public async IAsyncEnumerable<T> ListAsync<T>(string pathAndQuery, JsonTypeInfo<T> itemType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? next = pathAndQuery;
        while (next is not null)
        {
            var page = await SendAsync(HttpMethod.Get, next, null, cancellationToken).ConfigureAwait(false) as JsonObject;
            foreach (var item in page?["data"] as JsonArray ?? [])
            {
                yield return Read(item, itemType, "a list item");
            }

            var link = (page?["links"] as JsonObject)?.GetString("next");
            next = link is { Length: > 0 } && seen.Add(link) ? link : null;
        }
    }

    private static T Read<T>(JsonNode? node, JsonTypeInfo<T> type, string name)
    {
        try
        {
            return node.Deserialize(type) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new SignalWireApiException($"{name} answered with JSON of an unexpected shape.", null, null, null, null, ex);
        }
    }

    private Uri Resolve(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathAndQuery);
        // Paths come from code and next links from the API's answer: either way the result must be a URL on the
        // configured host, as the credentials go with it. Anything else (another host, another scheme, a path that
        // reads as one, text that is no URL at all) is refused with this client's own exception.
        var isAbsolute = Uri.TryCreate(pathAndQuery, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https";
        Uri? resolved = isAbsolute ? absolute : null;
        // "//host/path" is a URL on another host, not a path: resolved as such, so it is refused below.
        var relative = pathAndQuery.StartsWith("//", StringComparison.Ordinal) ? pathAndQuery : pathAndQuery.TrimStart('/');
        if (!isAbsolute && !Uri.TryCreate(BaseAddress, relative, out resolved))
        {
            throw new SignalWireApiException("Refusing to follow a link that is not a URL on the configured API host.");
        }

        return resolved is not null && resolved.Scheme is "http" or "https"
            && Uri.Compare(resolved, BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? resolved
            : throw new SignalWireApiException(resolved is { IsAbsoluteUri: true, Host.Length: > 0 }
                ? $"Refusing to send credentials to {resolved.Host}: it is not the configured API host."
                : "Refusing to follow a link that is not a URL on the configured API host.");
    }

    private SignalWireApiException NoAnswer(string name, HttpMethod method, Uri uri, string reason, Exception cause)
    {
        RestLog.NoAnswer(_logger, method.Method, uri.AbsolutePath, reason);
        return new SignalWireApiException($"{name} got no answer: {reason}.", null, null, null, null, cause);
    }
}
