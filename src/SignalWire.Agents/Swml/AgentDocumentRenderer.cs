using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using SignalWire.Agents.Security;
using SignalWire.Agents.Json;

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
        Span<char> unbound = stackalloc char[UnboundIdLength];
        ReadOnlySpan<char> boundCallId = string.IsNullOrEmpty(callId) ? UnguessableId(unbound) : callId;
        var writer = ThreadWriter.Rent(output);
        try
        {
            Write(writer, parts, tools, tokens, webhookBase, boundCallId);
        }
        finally
        {
            ThreadWriter.Return(writer);
        }
    }

    private static void Write(Utf8JsonWriter writer, AiStaticParts parts, IReadOnlyList<Tools.ToolDefinition> tools, SwaigTokenService tokens, string webhookBase, ReadOnlySpan<char> boundCallId)
    {
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
            if (parts.PostPromptUrl is { } fixedUrl)
            {
                writer.WriteString("post_prompt_url"u8, fixedUrl);
            }
            else
            {
                WriteUrl(writer, "post_prompt_url"u8, webhookBase, "/post_prompt/", parts.SwaigQuery, tokens, PostPromptFunction, boundCallId);
            }
        }

        if (tools.Count > 0 || parts.SwaigHead.Count > 0)
        {
            writer.WriteStartObject("SWAIG"u8);
            parts.SwaigHead.WriteTo(writer);
        }

        if (tools.Count > 0)
        {
            writer.WriteStartArray("functions"u8);
            for (var i = 0; i < tools.Count; i++)
            {
                var tool = tools[i];
                writer.WriteStartObject();
                writer.WriteString("function"u8, tool.Name);
                writer.WriteString("description"u8, tool.Description);
                writer.WritePropertyName("parameters"u8);
                writer.WriteRawValue(tool.WireParametersUtf8.Span, skipInputValidation: true);
                tool.WireBeforeUrl.WriteTo(writer);
                if (tool.ExternalUrl is { } external)
                {
                    writer.WriteString("web_hook_url"u8, external);
                }
                else if (tool.Secure)
                {
                    WriteUrl(writer, "web_hook_url"u8, webhookBase, "/swaig/", parts.SwaigQuery, tokens, tool.Name, boundCallId);
                }
                else if (parts.SwaigQuery.Length > 0 && tool.DataMap is null)
                {
                    WriteUrl(writer, "web_hook_url"u8, webhookBase, "/swaig/", parts.SwaigQuery);
                }

                tool.WireAfterUrl.WriteTo(writer);
                if (tool.DataMap is not null)
                {
                    writer.WritePropertyName("data_map"u8);
                    tool.DataMap.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("defaults"u8);
            if (parts.WebHookUrl is { } fixedDefault)
            {
                writer.WriteString("web_hook_url"u8, fixedDefault);
            }
            else
            {
                WriteUrl(writer, "web_hook_url"u8, webhookBase, "/swaig/", parts.SwaigQuery);
            }
            writer.WriteEndObject();
        }

        if (tools.Count > 0 || parts.SwaigHead.Count > 0)
        {
            writer.WriteEndObject();
        }

        if (parts.ParamsForDebug is { } parameters)
        {
            writer.WriteStartObject("params"u8);
            parameters.WriteTo(writer);
            WriteUrl(writer, "debug_webhook_url"u8, webhookBase, DebugEventsPath, parts.SwaigQuery);
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

    private const int UnboundIdLength = 8 + 22;

    private const string DebugEventsPath = "/" + AgentBase.DebugEventsRoute + "/";

    /// <summary>
    /// Writes <c>base + path [+ "?" + query] [+ ("?"|"&amp;") + "__token=" + token]</c> as one string value,
    /// composed on the stack (no strings are built per request).
    /// </summary>
    private static void WriteUrl(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string webhookBase, string path, string query,
        SwaigTokenService? tokens = null, string? function = null, ReadOnlySpan<char> callId = default)
    {
        const string TokenKey = "__token=";
        var length = webhookBase.Length + path.Length + 1 + query.Length + 1 + TokenKey.Length + SwaigTokenService.TokenLength;
        var rented = length > 1024 ? ArrayPool<char>.Shared.Rent(length) : null;
        var url = rented is null ? stackalloc char[1024] : rented.AsSpan();
        try
        {
            var at = 0;
            Append(url, ref at, webhookBase);
            Append(url, ref at, path);
            if (query.Length > 0)
            {
                Append(url, ref at, "?");
                Append(url, ref at, query);
            }

            if (tokens is not null)
            {
                Append(url, ref at, query.Length > 0 ? "&" : "?");
                Append(url, ref at, TokenKey);
                tokens.MintTo(function, callId, url.Slice(at, SwaigTokenService.TokenLength));
                at += SwaigTokenService.TokenLength;
            }

            writer.WriteString(name, url[..at]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void Append(Span<char> destination, ref int at, string value)
    {
        value.CopyTo(destination[at..]);
        at += value.Length;
    }

    /// <summary>A random call id for documents fetched without one: tokens bound to it cannot be used by any real call.</summary>
    private static ReadOnlySpan<char> UnguessableId(Span<char> destination)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        "unbound-".CopyTo(destination);
        Base64Url.EncodeToChars(bytes, destination[8..]);
        return destination;
    }
}
