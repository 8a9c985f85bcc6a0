using System.Text.Json.Nodes;

namespace SignalWire.Rest.PhoneNumbers;

/// <summary>Phone numbers (<c>/api/relay/rest/phone_numbers</c>): search, buy, list, update, point at an agent, release.</summary>
public sealed class PhoneNumbersClient
{
    private const string Path = "/api/relay/rest/phone_numbers";
    private readonly RestTransport _transport;

    internal PhoneNumbersClient(RestTransport transport) => _transport = transport;

    /// <summary>Numbers available to buy (<paramref name="criteria"/>: <c>areacode</c>, <c>number_type</c>, <c>starts_with</c>, <c>contains</c>, <c>ends_with</c>, <c>region</c>, <c>city</c>, <c>max_results</c>).</summary>
    public async Task<IReadOnlyList<AvailablePhoneNumber>> SearchAsync(IReadOnlyDictionary<string, string>? criteria = null, CancellationToken cancellationToken = default)
    {
        var query = criteria is { Count: > 0 } ? "?" + string.Join('&', criteria.Select(c => Uri.EscapeDataString(c.Key) + "=" + Uri.EscapeDataString(c.Value))) : string.Empty;
        var found = await _transport.SendAsync(HttpMethod.Get, Path + "/search" + query, null, cancellationToken).ConfigureAwait(false);
        return [.. ((found as JsonObject)?["data"] as JsonArray ?? []).Select(n => System.Text.Json.JsonSerializer.Deserialize(n, PhoneNumbersJsonContext.Default.AvailablePhoneNumber)!)];
    }

    /// <summary>Buys <paramref name="number"/> (E.164).</summary>
    public Task<PhoneNumber> BuyAsync(string number, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        return _transport.SendAsync(HttpMethod.Post, Path, new JsonObject { ["number"] = number }, PhoneNumbersJsonContext.Default.PhoneNumber, cancellationToken);
    }

    /// <summary>Your numbers, page after page as you read.</summary>
    public IAsyncEnumerable<PhoneNumber> ListAsync(CancellationToken cancellationToken = default) =>
        _transport.ListAsync(Path, PhoneNumbersJsonContext.Default.PhoneNumber, cancellationToken);

    /// <summary>One of your numbers.</summary>
    public Task<PhoneNumber> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Get, ItemPath(id), null, PhoneNumbersJsonContext.Default.PhoneNumber, cancellationToken);

    /// <summary>Changes a number's settings (<paramref name="changes"/>: <c>name</c>, <c>call_handler</c>, <c>call_request_url</c>, <c>message_handler</c>...).</summary>
    public Task<PhoneNumber> UpdateAsync(string id, JsonObject changes, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Put, ItemPath(id), (changes ?? throw new ArgumentNullException(nameof(changes))).DeepClone(), PhoneNumbersJsonContext.Default.PhoneNumber, cancellationToken);

    /// <summary>Answers the number's calls with the SWML at <paramref name="url"/> (an agent's address, with its Basic credentials).</summary>
    public Task<PhoneNumber> SetSwmlWebhookAsync(string id, Uri url, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new JsonObject { ["call_handler"] = "relay_script", ["call_relay_script_url"] = (url ?? throw new ArgumentNullException(nameof(url))).ToString() }, cancellationToken);

    /// <summary>Answers the number's calls with a SignalWire-hosted AI agent.</summary>
    public Task<PhoneNumber> SetAiAgentAsync(string id, string agentId, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new JsonObject { ["call_handler"] = "ai_agent", ["call_ai_agent_id"] = agentId }, cancellationToken);

    /// <summary>Releases the number (it is no longer yours).</summary>
    public async Task ReleaseAsync(string id, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync(HttpMethod.Delete, ItemPath(id), null, cancellationToken).ConfigureAwait(false);

    private static string ItemPath(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Path + "/" + Uri.EscapeDataString(id);
    }
}
