using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SignalWire.Rest.Account;
using SignalWire.Rest.Calling;
using SignalWire.Rest.DataSphere;
using SignalWire.Rest.Fabric;
using SignalWire.Rest.Logs;
using SignalWire.Rest.Messaging;
using SignalWire.Rest.PhoneNumbers;
using SignalWire.Rest.Registry;
using SignalWire.Rest.Resources;
using SignalWire.Rest.Video;

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
        Fabric = new FabricClient(_transport);
        Video = new VideoClient(_transport);
        Logs = new LogsClient(_transport);
        Registry = new RegistryClient(_transport);
        DataSphere = new DataSphereClient(_transport);
        Lookup = new LookupClient(_transport);
        Mfa = new MfaClient(_transport);
        SipProfile = new SipProfileClient(_transport);
        VerifiedCallers = new VerifiedCallersResource(_transport);
        Queues = new RestResource(_transport, "/api/relay/rest/queues", updateWithPut: true);
        Recordings = new RestResource(_transport, "/api/relay/rest/recordings");
        Addresses = new RestResource(_transport, "/api/relay/rest/addresses");
        NumberGroups = new RestResource(_transport, "/api/relay/rest/number_groups", updateWithPut: true);
        ShortCodes = new RestResource(_transport, "/api/relay/rest/short_codes", updateWithPut: true);
        ImportedNumbers = new RestResource(_transport, "/api/relay/rest/imported_phone_numbers");
        Projects = new RestResource(_transport, "/api/projects");
        ProjectTokens = new RestResource(_transport, "/api/project/tokens");
    }

    /// <summary>Calls: dial, update, end, and every live-call command.</summary>
    public CallingClient Calling { get; }

    /// <summary>SMS and MMS: send, list, get.</summary>
    public MessagesClient Messages { get; }

    /// <summary>Phone numbers: search, buy, list, update, release.</summary>
    public PhoneNumbersClient PhoneNumbers { get; }

    /// <summary>Call Fabric: AI agents, SWML scripts and webhooks, subscribers, SIP endpoints and gateways, call flows, conference rooms, resources, addresses, tokens.</summary>
    public FabricClient Fabric { get; }

    /// <summary>Video: rooms, room tokens, sessions, recordings, conferences, streams.</summary>
    public VideoClient Video { get; }

    /// <summary>Logs: messages, voice, fax, conferences.</summary>
    public LogsClient Logs { get; }

    /// <summary>The 10DLC registry: brands, campaigns, numbers, orders.</summary>
    public RegistryClient Registry { get; }

    /// <summary>DataSphere: documents, chunks, search.</summary>
    public DataSphereClient DataSphere { get; }

    /// <summary>Number lookup: format, validity, carrier, caller name.</summary>
    public LookupClient Lookup { get; }

    /// <summary>Multi-factor codes by SMS or call.</summary>
    public MfaClient Mfa { get; }

    /// <summary>The project's SIP profile.</summary>
    public SipProfileClient SipProfile { get; }

    /// <summary>Verified caller ids.</summary>
    public VerifiedCallersResource VerifiedCallers { get; }

    /// <summary>Call queues (their <c>members</c> as a sub-collection).</summary>
    public RestResource Queues { get; }

    /// <summary>Call recordings.</summary>
    public RestResource Recordings { get; }

    /// <summary>Emergency (E911) addresses.</summary>
    public RestResource Addresses { get; }

    /// <summary>Number groups (their <c>number_group_memberships</c> as a sub-collection).</summary>
    public RestResource NumberGroups { get; }

    /// <summary>Short codes.</summary>
    public RestResource ShortCodes { get; }

    /// <summary>Numbers imported from another carrier.</summary>
    public RestResource ImportedNumbers { get; }

    /// <summary>Projects (subprojects).</summary>
    public RestResource Projects { get; }

    /// <summary>The project's API tokens.</summary>
    public RestResource ProjectTokens { get; }

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
