using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SignalWire.Rest.Calling;
using SignalWire.Rest.Messaging;
using SignalWire.Rest.PhoneNumbers;

namespace SignalWire.Rest;

/// <summary>
/// The SignalWire REST API: <see cref="Calling"/>, <see cref="Messages"/>, <see cref="PhoneNumbers"/>, and any other
/// endpoint through <see cref="SendAsync(HttpMethod, string, JsonNode?, CancellationToken)"/> and
/// <see cref="ListAsync(string, CancellationToken)"/>. Every call is async and cancellable; idempotent requests are
/// retried with backoff (honouring <c>Retry-After</c>); failures are <see cref="SignalWireApiException"/>s.
/// </summary>
/// <remarks>
/// Register it with <see cref="SignalWireRestServiceCollectionExtensions.AddSignalWireRest(IServiceCollection, Action{SignalWireRestOptions}?)"/>,
/// or create one with <see cref="Create"/>.
/// </remarks>
public sealed class SignalWireClient
{
    /// <summary>The named HTTP client the API is called with.</summary>
    public const string HttpClientName = "SignalWire.Rest";

    private readonly RestTransport _transport;

    /// <summary>Creates the client over a factory holding <see cref="HttpClientName"/> (as <c>AddSignalWireRest</c> registers it).</summary>
    /// <exception cref="SignalWireConfigurationException">The options cannot make requests.</exception>
    public SignalWireClient(IHttpClientFactory httpClientFactory, IOptions<SignalWireRestOptions> options, ILogger<SignalWireClient>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new RestTransport(() => httpClientFactory.CreateClient(HttpClientName), options.Value, logger ?? (ILogger)NullLogger.Instance, time ?? TimeProvider.System);
        Calling = new CallingClient(_transport);
        Messages = new MessagesClient(_transport);
        PhoneNumbers = new PhoneNumbersClient(_transport);
    }

    /// <summary>Calls: dial, update, end, and every live-call command.</summary>
    public CallingClient Calling { get; }

    /// <summary>SMS and MMS: send, list, get.</summary>
    public MessagesClient Messages { get; }

    /// <summary>Phone numbers: search, buy, list, update, release.</summary>
    public PhoneNumbersClient PhoneNumbers { get; }

    /// <summary>The project the client acts for.</summary>
    public string ProjectId => _transport.ProjectId;

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress => _transport.BaseAddress;

    /// <summary>
    /// A stand-alone client with its own HTTP client factory (for apps without dependency injection). Unset options
    /// come from <c>SIGNALWIRE_PROJECT_ID</c>, <c>SIGNALWIRE_API_TOKEN</c> and <c>SIGNALWIRE_SPACE</c>.
    /// </summary>
    /// <exception cref="SignalWireConfigurationException">The options cannot make requests.</exception>
    public static SignalWireClient Create(SignalWireRestOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        var given = new SignalWireRestOptions();
        options?.CopyTo(given);
        given.WithEnvironment(Environment.GetEnvironmentVariable).Validate();
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        services.AddSignalWireRest(given.CopyTo);
        return services.BuildServiceProvider().GetRequiredService<SignalWireClient>();
    }

    /// <summary>Sends any request to the API (<paramref name="path"/> from the API root, with its query) and returns the JSON answer (<see langword="null"/> when empty).</summary>
    /// <exception cref="SignalWireApiException">The API answered with an error or did not answer.</exception>
    public Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        return _transport.SendAsync(method, path, body, cancellationToken);
    }

    /// <summary>Sends any request and reads the answer as <typeparamref name="T"/> (your source-generated metadata).</summary>
    /// <exception cref="SignalWireApiException">The API answered with an error, did not answer, or answered another shape.</exception>
    public Task<T> SendAsync<T>(HttpMethod method, string path, JsonNode? body, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(responseType);
        return _transport.SendAsync(method, path, body, responseType, cancellationToken);
    }

    /// <summary>Every item of any paged list (<c>{"data": [...], "links": {"next": ...}}</c>), page after page as you read.</summary>
    public IAsyncEnumerable<JsonObject> ListAsync(string path, CancellationToken cancellationToken = default) =>
        _transport.ListAsync(path, ClientJsonContext.Default.JsonObject, cancellationToken);

    /// <summary>Every item of any paged list as <typeparamref name="T"/>.</summary>
    public IAsyncEnumerable<T> ListAsync<T>(string path, JsonTypeInfo<T> itemType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        return _transport.ListAsync(path, itemType, cancellationToken);
    }

    /// <summary>The project and address, never the token.</summary>
    public override string ToString() => $"SignalWireClient {{ ProjectId = {ProjectId}, BaseAddress = {BaseAddress} }}";
}
