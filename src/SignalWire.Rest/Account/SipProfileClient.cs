using System.Text.Json.Nodes;

namespace SignalWire.Rest.Account;

/// <summary>The project's SIP profile (<c>/api/relay/rest/sip_profile</c>).</summary>
public sealed class SipProfileClient
{
    private const string Path = "/api/relay/rest/sip_profile";
    private readonly RestTransport _transport;

    internal SipProfileClient(RestTransport transport) => _transport = transport;

    /// <summary>The profile.</summary>
    public Task<JsonNode?> GetAsync(CancellationToken cancellationToken = default) => _transport.SendAsync(HttpMethod.Get, Path, null, cancellationToken);

    /// <summary>Changes the profile (<c>domain</c>, <c>default_codecs</c>, ...).</summary>
    public Task<JsonNode?> UpdateAsync(JsonObject changes, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Put, Path, (changes ?? throw new ArgumentNullException(nameof(changes))).DeepClone(), cancellationToken);
}
