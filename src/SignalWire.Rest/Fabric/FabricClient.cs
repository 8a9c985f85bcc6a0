using System.Text.Json.Nodes;
using SignalWire.Rest.Resources;

namespace SignalWire.Rest.Fabric;

/// <summary>
/// Call Fabric (<c>/api/fabric</c>): AI agents, SWML scripts and webhooks, cXML scripts, webhooks and applications,
/// subscribers and their SIP endpoints, SIP endpoints and gateways, call flows, conference rooms, RELAY applications,
/// FreeSWITCH connectors, every resource and its addresses, and tokens.
/// </summary>
public sealed class FabricClient
{
    private const string Root = "/api/fabric";
    private readonly RestTransport _transport;

    internal FabricClient(RestTransport transport)
    {
        _transport = transport;
        Addresses = new RestResource(transport, Root + "/addresses");
        Resources = new RestResource(transport, Root + "/resources");
        AiAgents = Resource("ai_agents");
        CallFlows = Resource("call_flows", put: true);
        ConferenceRooms = Resource("conference_rooms", put: true);
        CxmlApplications = Resource("cxml_applications", put: true);
        CxmlScripts = Resource("cxml_scripts", put: true);
        CxmlWebhooks = Resource("cxml_webhooks");
        FreeswitchConnectors = Resource("freeswitch_connectors", put: true);
        RelayApplications = Resource("relay_applications", put: true);
        SipEndpoints = Resource("sip_endpoints", put: true);
        SipGateways = Resource("sip_gateways");
        Subscribers = Resource("subscribers", put: true);
        SwmlScripts = Resource("swml_scripts", put: true);
        SwmlWebhooks = Resource("swml_webhooks");
    }

    /// <summary>Every Fabric address (what callers dial to reach a resource).</summary>
    public RestResource Addresses { get; }

    /// <summary>Every resource, of any type (list, get, delete, and its addresses).</summary>
    public RestResource Resources { get; }

    /// <summary>SignalWire-hosted AI agents.</summary>
    public RestResource AiAgents { get; }

    /// <summary>Call flows (their versions and deployments through <see cref="RestResource.ListChildrenAsync"/> and <see cref="RestResource.SendAsync"/>).</summary>
    public RestResource CallFlows { get; }

    /// <summary>Conference rooms.</summary>
    public RestResource ConferenceRooms { get; }

    /// <summary>cXML applications.</summary>
    public RestResource CxmlApplications { get; }

    /// <summary>cXML scripts.</summary>
    public RestResource CxmlScripts { get; }

    /// <summary>cXML webhooks.</summary>
    public RestResource CxmlWebhooks { get; }

    /// <summary>FreeSWITCH connectors.</summary>
    public RestResource FreeswitchConnectors { get; }

    /// <summary>RELAY applications.</summary>
    public RestResource RelayApplications { get; }

    /// <summary>SIP endpoints.</summary>
    public RestResource SipEndpoints { get; }

    /// <summary>SIP gateways.</summary>
    public RestResource SipGateways { get; }

    /// <summary>Subscribers (their SIP endpoints through <see cref="RestResource.ListChildrenAsync"/> with <c>sip_endpoints</c>).</summary>
    public RestResource Subscribers { get; }

    /// <summary>SWML scripts (hosted SWML).</summary>
    public RestResource SwmlScripts { get; }

    /// <summary>SWML webhooks: an agent's address as a Fabric resource.</summary>
    public RestResource SwmlWebhooks { get; }

    /// <summary>Routes a phone number to resource <paramref name="resourceId"/>.</summary>
    public Task<ResourceItem> AssignPhoneRouteAsync(string resourceId, JsonObject route, CancellationToken cancellationToken = default) =>
        Resources.CreateChildAsync(resourceId, "phone_routes", route, cancellationToken);

    /// <summary>Routes a SIP domain application to resource <paramref name="resourceId"/>.</summary>
    public Task<ResourceItem> AssignDomainApplicationAsync(string resourceId, JsonObject application, CancellationToken cancellationToken = default) =>
        Resources.CreateChildAsync(resourceId, "domain_applications", application, cancellationToken);

    /// <summary>A token for a subscriber (<paramref name="request"/>: <c>reference</c>, <c>expire_at</c>, ...).</summary>
    public Task<FabricToken> CreateSubscriberTokenAsync(JsonObject request, CancellationToken cancellationToken = default) => TokenAsync("subscribers/tokens", request, cancellationToken);

    /// <summary>A fresh subscriber token from a refresh token.</summary>
    public Task<FabricToken> RefreshSubscriberTokenAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        TokenAsync("subscribers/tokens/refresh", new JsonObject { ["refresh_token"] = refreshToken }, cancellationToken);

    /// <summary>An invite token for a subscriber.</summary>
    public Task<FabricToken> CreateInviteTokenAsync(JsonObject request, CancellationToken cancellationToken = default) => TokenAsync("subscriber/invites", request, cancellationToken);

    /// <summary>A guest token (<paramref name="request"/>: <c>allowed_addresses</c>, <c>expire_at</c>...).</summary>
    public Task<FabricToken> CreateGuestTokenAsync(JsonObject request, CancellationToken cancellationToken = default) => TokenAsync("guests/tokens", request, cancellationToken);

    /// <summary>A token for an embedded click-to-call widget.</summary>
    public Task<FabricToken> CreateEmbedTokenAsync(JsonObject request, CancellationToken cancellationToken = default) => TokenAsync("embeds/tokens", request, cancellationToken);

    private RestResource Resource(string type, bool put = false) => new(_transport, Root + "/resources/" + type, put);

    private Task<FabricToken> TokenAsync(string path, JsonObject request, CancellationToken cancellationToken) =>
        _transport.SendAsync(HttpMethod.Post, Root + "/" + path, (request ?? throw new ArgumentNullException(nameof(request))).DeepClone(), FabricJsonContext.Default.FabricToken, cancellationToken);
}
