using SignalWire.Rest.Resources;

namespace SignalWire.Rest.Account;

/// <summary>Number lookup (<c>/api/relay/rest/lookup</c>): format, validity, carrier and caller name of a number.</summary>
public sealed class LookupClient
{
    private readonly RestTransport _transport;

    internal LookupClient(RestTransport transport) => _transport = transport;

    /// <summary>What is known about <paramref name="e164Number"/>; <paramref name="include"/> adds <c>carrier</c> and/or <c>cnam</c> (each billed).</summary>
    public Task<NumberLookup> PhoneNumberAsync(string e164Number, IEnumerable<string>? include = null, CancellationToken cancellationToken = default)
    {
        var query = include is null ? null : new Dictionary<string, string> { ["include"] = string.Join(',', include) };
        return _transport.SendAsync(HttpMethod.Get, "/api/relay/rest/lookup/phone_number/" + RestResource.Segment(e164Number) + RestResource.Query(query), null, AccountJsonContext.Default.NumberLookup, cancellationToken);
    }
}
