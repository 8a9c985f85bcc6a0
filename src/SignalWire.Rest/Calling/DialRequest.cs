using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Swml;

namespace SignalWire.Rest.Calling;

/// <summary>
/// An outbound call and what runs on it: a SWML document (inline), a SWML address the platform fetches, or an
/// agent (by its public address, so each call's document and tokens are made for that call). Create one with
/// <see cref="WithSwml(string, string, SwmlDocument)"/>, <see cref="WithUrl"/> or <see cref="ToAgent"/>.
/// </summary>
public sealed record DialRequest
{
    private DialRequest(string from, string to, JsonObject? swml, Uri? url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        From = from;
        To = to;
        Swml = swml;
        Url = url;
    }

    /// <summary>Your number (E.164), SIP address or caller.</summary>
    public string From { get; }

    /// <summary>Who is called: a number (E.164) or a SIP address.</summary>
    public string To { get; }

    /// <summary>The SWML run on the call, inline.</summary>
    public JsonObject? Swml { get; }

    /// <summary>The SWML address the platform fetches for the call.</summary>
    public Uri? Url { get; }

    /// <summary>The caller id shown, when not <see cref="From"/>.</summary>
    public string? CallerId { get; init; }

    /// <summary>Where call state changes are posted.</summary>
    public Uri? StatusUrl { get; init; }

    /// <summary>Which state changes are posted (<c>answered</c>, <c>queued</c>, <c>initiated</c>, <c>ringing</c>, <c>ending</c>, <c>ended</c>).</summary>
    public IReadOnlyList<string>? StatusEvents { get; init; }

    /// <summary>The SWML address used when <see cref="Url"/> fails.</summary>
    public Uri? FallbackUrl { get; init; }

    /// <summary>How <see cref="Url"/> is requested (<c>GET</c> or <c>POST</c>).</summary>
    public string? UrlMethod { get; init; }

    /// <summary>Audio codecs to offer (<c>PCMU</c>, <c>OPUS</c>, ...).</summary>
    public IReadOnlyList<string>? Codecs { get; init; }

    /// <summary>Runs <paramref name="swml"/> on the call.</summary>
    public static DialRequest WithSwml(string from, string to, SwmlDocument swml) =>
        new(from, to, (swml ?? throw new ArgumentNullException(nameof(swml))).ToJson(), null);

    /// <summary>Runs the SWML document in <paramref name="swmlJson"/> (JSON text) on the call.</summary>
    /// <exception cref="ArgumentException">The text is not a JSON object with <c>sections</c>.</exception>
    public static DialRequest WithSwml(string from, string to, string swmlJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(swmlJson);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(swmlJson);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ArgumentException("The SWML is not valid JSON.", nameof(swmlJson), ex);
        }

        return node is JsonObject { } document && document["sections"] is JsonObject
            ? new(from, to, document, null)
            : throw new ArgumentException("The SWML must be a JSON object with \"sections\".", nameof(swmlJson));
    }

    /// <summary>Runs the SWML the platform fetches from <paramref name="swmlUrl"/> (it may carry Basic credentials).</summary>
    public static DialRequest WithUrl(string from, string to, Uri swmlUrl)
    {
        ArgumentNullException.ThrowIfNull(swmlUrl);
        return swmlUrl.IsAbsoluteUri && swmlUrl.Scheme is "http" or "https"
            ? new(from, to, null, swmlUrl)
            : throw new ArgumentException("The SWML address must be an absolute http or https URL.", nameof(swmlUrl));
    }

    /// <summary>
    /// Hands the call to <paramref name="agent"/>, served at <paramref name="publicBaseUrl"/> (its public base address,
    /// as <c>SWML_PROXY_URL_BASE</c> would give it): the platform fetches the agent's SWML for the call with the
    /// agent's Basic credentials, so the document, its tools and their tokens are made for that call.
    /// </summary>
    public static DialRequest ToAgent(string from, string to, AgentBase agent, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        var settings = agent.Settings;
        return WithUrl(from, to, new Uri(WebhookBase.FromPublicBase(publicBaseUrl, settings.Route, settings.BasicAuth) + "/"));
    }

    /// <summary>The request's <c>params</c> as the API takes them.</summary>
    internal JsonObject ToParams()
    {
        var parameters = new JsonObject { ["from"] = From, ["to"] = To };
        Add(parameters, "caller_id", CallerId);
        Add(parameters, "fallback_url", FallbackUrl?.ToString());
        Add(parameters, "status_url", StatusUrl?.ToString());
        if (StatusEvents is { Count: > 0 })
        {
            parameters["status_events"] = new JsonArray([.. StatusEvents.Select(e => (JsonNode)e)]);
        }

        Add(parameters, "url_method", UrlMethod);
        Add(parameters, "url", Url?.ToString());
        if (Codecs is { Count: > 0 })
        {
            parameters["codecs"] = new JsonArray([.. Codecs.Select(c => (JsonNode)c)]);
        }

        if (Swml is not null)
        {
            parameters["swml"] = Swml.DeepClone();
        }

        return parameters;
    }

    /// <summary>Prints the request without credentials: a SWML address's password is masked.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("From = ").Append(From).Append(", To = ").Append(To);
        if (Url is not null)
        {
            builder.Append(", Url = ").Append(Url.UserInfo.Length == 0 ? Url.ToString() : new UriBuilder(Url) { UserName = "***", Password = "***" }.Uri.ToString());
        }

        builder.Append(", Swml = ").Append(Swml is null ? "(none)" : "(inline)");
        return true;
    }

    private static void Add(JsonObject parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters[name] = value;
        }
    }
}
