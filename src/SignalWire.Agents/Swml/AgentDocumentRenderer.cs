using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace SignalWire.Agents.Swml;

/// <summary>
/// Renders an agent's SWML document for one request: <c>answer</c> (unless disabled) and the <c>ai</c> verb
/// with the prompt, post-prompt, tools and the webhook URLs for this call. Secure tools get a token bound to
/// this call id; nothing request-specific is kept on the agent.
/// </summary>
public static class AgentDocumentRenderer
{
    /// <summary>Pseudo-function name the post-prompt URL's token is bound to.</summary>
    public const string PostPromptFunction = "post_prompt";

    /// <summary>Renders the document as UTF-8 JSON into <paramref name="output"/>.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="webhookBase">Webhook prefix with credentials and route (see <see cref="WebhookBase"/>).</param>
    /// <param name="callId">The call the document is for; when unknown, tokens are bound to a random id and cannot be used.</param>
    /// <param name="output">Destination.</param>
    public static void Render(AgentBase agent, string webhookBase, string? callId, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(webhookBase);
        ArgumentNullException.ThrowIfNull(output);
        var parts = agent.GetStaticParts();
        var tools = agent.Tools.All;
        var tokens = agent.Settings.Tokens;
        var boundCallId = string.IsNullOrEmpty(callId) ? UnguessableId() : callId;
        // Query parameters precede the token: "<params>&__token=..." or just "__token=...".
        var query = parts.SwaigQuery.Length == 0 ? "__token=" : parts.SwaigQuery + "&__token=";

        using var writer = new Utf8JsonWriter(output, SwmlJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("version"u8, "1.0.0"u8);
        writer.WriteStartObject("sections"u8);
        writer.WriteStartArray("main"u8);
        foreach (var verb in parts.VerbsBefore)
        {
            writer.WriteRawValue(verb, skipInputValidation: true);
        }

        writer.WriteStartObject();
        writer.WriteStartObject("ai"u8);
        writer.WritePropertyName("prompt"u8);
        writer.WriteRawValue(parts.Prompt, skipInputValidation: true);
        if (parts.PostPrompt is not null)
        {
            writer.WritePropertyName("post_prompt"u8);
            writer.WriteRawValue(parts.PostPrompt, skipInputValidation: true);
            writer.WriteString("post_prompt_url"u8, parts.PostPromptUrl
                ?? string.Concat(webhookBase, "/post_prompt/?", query, tokens.Mint(PostPromptFunction, boundCallId)));
        }

        if (tools.Count > 0 || parts.SwaigHead.Count > 0)
        {
            writer.WriteStartObject("SWAIG"u8);
            AgentBase.WriteProperties(writer, parts.SwaigHead);
        }

        if (tools.Count > 0)
        {
            writer.WriteStartArray("functions"u8);
            foreach (var tool in tools)
            {
                writer.WriteStartObject();
                writer.WriteString("function"u8, tool.Name);
                writer.WriteString("description"u8, tool.Description);
                writer.WritePropertyName("parameters"u8);
                writer.WriteRawValue(tool.WireParametersUtf8.Span, skipInputValidation: true);
                AgentBase.WriteProperties(writer, tool.WireBeforeUrl);
                if (tool.Secure)
                {
                    writer.WriteString("web_hook_url"u8, string.Concat(webhookBase, "/swaig/?", query, tokens.Mint(tool.Name, boundCallId)));
                }
                else if (parts.SwaigQuery.Length > 0 && tool.DataMap is null)
                {
                    writer.WriteString("web_hook_url"u8, string.Concat(webhookBase, "/swaig/?", parts.SwaigQuery));
                }

                AgentBase.WriteProperties(writer, tool.WireAfterUrl);
                if (tool.DataMap is not null)
                {
                    writer.WritePropertyName("data_map"u8);
                    tool.DataMap.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("defaults"u8);
            writer.WriteString("web_hook_url"u8, parts.WebHookUrl
                ?? (parts.SwaigQuery.Length == 0 ? webhookBase + "/swaig/" : string.Concat(webhookBase, "/swaig/?", parts.SwaigQuery)));
            writer.WriteEndObject();
        }

        if (tools.Count > 0 || parts.SwaigHead.Count > 0)
        {
            writer.WriteEndObject();
        }

        if (parts.ParamsObject is { } parameters)
        {
            writer.WriteStartObject("params"u8);
            AgentBase.WriteProperties(writer, parameters);
            writer.WriteString("debug_webhook_url"u8, string.Concat(webhookBase, "/", AgentBase.DebugEventsRoute, "/", parts.SwaigQuery.Length == 0 ? string.Empty : "?" + parts.SwaigQuery));
            writer.WriteNumber("debug_webhook_level"u8, parts.DebugEventsLevel!.Value);
            writer.WriteEndObject();
        }
        else
        {
            writer.WritePropertyName("params"u8);
            writer.WriteRawValue(parts.Params, skipInputValidation: true);
        }

        WriteRaw(writer, "hints"u8, parts.Hints);
        WriteRaw(writer, "languages"u8, parts.Languages);
        WriteRaw(writer, "multilingual"u8, parts.Multilingual);
        WriteRaw(writer, "pronounce"u8, parts.Pronounce);

        if (parts.GlobalData is not null)
        {
            writer.WritePropertyName("global_data"u8);
            writer.WriteRawValue(parts.GlobalData, skipInputValidation: true);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        foreach (var verb in parts.VerbsAfter)
        {
            writer.WriteRawValue(verb, skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRaw(Utf8JsonWriter writer, ReadOnlySpan<byte> name, byte[]? json)
    {
        if (json is not null)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }

    /// <summary>Renders the document to a string (convenient for tests and tools).</summary>
    public static string RenderToString(AgentBase agent, string webhookBase, string? callId)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        Render(agent, webhookBase, callId, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string UnguessableId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return "unbound-" + Base64Url.EncodeToString(bytes);
    }
}
