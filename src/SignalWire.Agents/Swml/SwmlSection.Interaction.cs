using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents.Swml;

/// <summary>Verbs that collect input, send DTMF or faxes, signal the client, and start a sidecar or Bedrock AI.</summary>
public sealed partial class SwmlSection
{
    private const string DtmfCharacters = "0123456789*#ABCDWw";
    private static readonly System.Buffers.SearchValues<char> Dtmf = System.Buffers.SearchValues.Create(DtmfCharacters);

    /// <summary>Plays <paramref name="play"/> (a URL, <c>say:</c> text, <c>ring:</c> or <c>silence:</c>) and collects digits or speech (<c>prompt</c>).</summary>
    public SwmlSection Prompt(string play, PromptOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(play);
        return Prompt(JsonValue.Create(play), options);
    }

    /// <summary>Plays each of <paramref name="play"/> in turn and collects digits or speech (<c>prompt</c>).</summary>
    public SwmlSection Prompt(IEnumerable<string> play, PromptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(play);
        var urls = play.ToList();
        if (urls.Count == 0 || urls.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("prompt needs at least one non-empty URL to play.", nameof(play));
        }

        return Prompt(Strings(urls), options);
    }

    /// <summary>Sends DTMF: digits <c>0-9 * # A-D</c>, <c>W</c> (a 1 s pause) and <c>w</c> (500 ms) (<c>send_digits</c>).</summary>
    public SwmlSection SendDigits(string digits)
    {
        ArgumentException.ThrowIfNullOrEmpty(digits);
        if (digits.AsSpan().IndexOfAnyExcept(Dtmf) >= 0)
        {
            throw new ArgumentException($"DTMF digits may only be {DtmfCharacters}.", nameof(digits));
        }

        return Add("send_digits", new JsonObject { ["digits"] = digits });
    }

    /// <summary>Faxes the PDF at <paramref name="document"/> (<c>send_fax</c>).</summary>
    public SwmlSection SendFax(Uri document, string? headerInfo = null, string? identity = null, Uri? statusUrl = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var config = new JsonObject { ["document"] = Absolute(document, nameof(document)) };
        AddIf(config, "header_info", headerInfo);
        AddIf(config, "identity", identity);
        AddIf(config, "status_url", statusUrl is null ? null : Absolute(statusUrl, nameof(statusUrl)));
        return Add("send_fax", config);
    }

    /// <summary>Receives a fax sent to this call (<c>receive_fax</c>).</summary>
    public SwmlSection ReceiveFax(Uri? statusUrl = null)
    {
        var config = new JsonObject();
        AddIf(config, "status_url", statusUrl is null ? null : Absolute(statusUrl, nameof(statusUrl)));
        return Add("receive_fax", config);
    }

    /// <summary>Sends <paramref name="event"/> to the client connected to the call, e.g. a browser (<c>user_event</c>).</summary>
    public SwmlSection UserEvent(JsonObject @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Add("user_event", new JsonObject { ["event"] = @event.DeepClone() });
    }

    /// <summary>Starts an AI sidecar that listens to both legs with <paramref name="prompt"/> in <paramref name="language"/> (BCP-47) (<c>ai_sidecar</c>).</summary>
    public SwmlSection AiSidecar(string prompt, string language, AiSidecarOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        return AiSidecar(JsonValue.Create(prompt), language, options);
    }

    /// <summary>As <see cref="AiSidecar(string, string, AiSidecarOptions?)"/>, with a prompt object model (POM) or <c>{"file": path}</c>.</summary>
    public SwmlSection AiSidecar(JsonObject prompt, string language, AiSidecarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return AiSidecar((JsonNode)prompt.DeepClone(), language, options);
    }

    /// <summary>Runs an Amazon Bedrock voice AI with <paramref name="promptText"/> (<c>amazon_bedrock</c>); <paramref name="extra"/> adds <c>post_prompt</c>, <c>params</c>, <c>SWAIG</c>, <c>global_data</c>, ...</summary>
    public SwmlSection AmazonBedrock(string promptText, JsonObject? extra = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(promptText);
        var config = extra is null ? new JsonObject() : (JsonObject)extra.DeepClone();
        if (config.ContainsKey("prompt"))
        {
            throw new ArgumentException("The prompt is given by promptText; leave it out of extra.", nameof(extra));
        }

        config["prompt"] = new JsonObject { ["text"] = promptText };
        return Add("amazon_bedrock", config);
    }

    private SwmlSection Prompt(JsonNode play, PromptOptions? options)
    {
        var config = new JsonObject { ["play"] = play };
        options?.CopyTo(config);
        return Add("prompt", config);
    }

    private SwmlSection AiSidecar(JsonNode prompt, string language, AiSidecarOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        var config = new JsonObject { ["prompt"] = prompt, ["lang"] = language };
        options?.CopyTo(config);
        return Add("ai_sidecar", config);
    }

    private static string Absolute(Uri url, string name) =>
        Json.WireUrl.IsAbsoluteHttp(url)
            ? url.ToString()
            : throw new ArgumentException($"{name} must be an absolute http or https URL.", name);
}
