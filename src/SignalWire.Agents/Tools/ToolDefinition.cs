using SignalWire.Agents.Swaig;
using System.Collections.Frozen;
using System.Text.Json.Nodes;
using SignalWire.Agents.Validation;

namespace SignalWire.Agents.Tools;

/// <summary>A registered SWAIG function: its description, parameter schema, protections and handler.</summary>
public sealed class ToolDefinition
{
    internal ToolDefinition(string name, string description, JsonObject parameters, ToolOptions options, IEnumerable<string>? extraSensitive = null)
    {
        Name = name;
        Description = description;
        Parameters = parameters;
        Options = options;
        if (options.RateLimit is { } limit && (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero))
        {
            throw new ArgumentException($"Tool '{name}': a rate limit needs at least one permit and a positive window.", nameof(options));
        }

        if (options.WebHookUrl is { } external)
        {
            if (!Json.WireUrl.IsAbsoluteHttp(external))
            {
                throw new ArgumentException($"Tool '{name}': WebHookUrl must be an absolute http or https URL.", nameof(options));
            }

            if (options.Secure)
            {
                throw new ArgumentException($"Tool '{name}' cannot be secure and run at an external WebHookUrl: its token could only be checked here.", nameof(options));
            }

            ExternalUrl = external.ToString();
        }

        var wire = ToolSchema.ToWire(parameters);
        var validation = parameters;
        if (options.RequiresConfirmation)
        {
            if (parameters["properties"] is JsonObject props && props.ContainsKey(Confirmation.ParameterName))
            {
                throw new ArgumentException($"Tool '{name}' requires confirmation, so it cannot declare its own '{Confirmation.ParameterName}' parameter.", nameof(parameters));
            }

            ((JsonObject)wire["properties"]!)[Confirmation.ParameterName] = Confirmation.ParameterSchema();
            if (wire["required"] is not JsonArray required)
            {
                wire["required"] = required = [];
            }

            required.Add((JsonNode)JsonValue.Create(Confirmation.ParameterName));
            validation = (JsonObject)parameters.DeepClone();
            ((JsonObject)validation["properties"]!)[Confirmation.ParameterName] = Confirmation.ParameterSchema();
        }

        WireParameters = wire;
        WireParametersUtf8 = Json.SwmlJson.ToUtf8(wire);
        var (beforeUrl, afterUrl) = WireExtras(options);
        WireBeforeUrl = Json.RawJsonProperties.From(beforeUrl);
        WireAfterUrl = Json.RawJsonProperties.From(afterUrl);
        Validator = ArgumentSchema.Compile(validation);
        Required = parameters["required"] is JsonArray list ? [.. list.Select(i => i!.GetValue<string>())] : [];
        SensitiveParameters = (options.SensitiveParameters ?? []).Concat(extraSensitive ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>Where the tool runs when another service serves it (<see cref="ToolOptions.WebHookUrl"/>); <see langword="null"/> when it runs here.</summary>
    public string? ExternalUrl { get; }

    /// <summary>What the tool does, for the AI.</summary>
    public string Description { get; }

    /// <summary>The full JSON Schema of the arguments (an object schema) that calls are validated against. Do not modify.</summary>
    public JsonObject Parameters { get; }

    /// <summary>The schema as rendered into SWML: the subset of JSON Schema the SWML schema accepts (plus <c>confirmed</c> when required).</summary>
    public JsonObject WireParameters { get; }

    /// <summary>Names of the required arguments.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>Protections and limits.</summary>
    public ToolOptions Options { get; }

    /// <summary>Whether calls must carry a valid per-function token.</summary>
    public bool Secure => Options.Secure;

    /// <summary>Argument names redacted from logs (besides the default sensitive keys).</summary>
    public IReadOnlySet<string> SensitiveParameters { get; }

    /// <summary>The compiled validator every call is checked against before the handler runs.</summary>
    public ArgumentSchema Validator { get; }

    internal ReadOnlyMemory<byte> WireParametersUtf8 { get; }

    /// <summary>Fields rendered after <c>parameters</c> and before <c>web_hook_url</c> (wait_file, fillers, wait_file_loops), pre-serialised.</summary>
    internal Json.RawJsonProperties WireBeforeUrl { get; }

    /// <summary>Fields rendered after <c>web_hook_url</c> (meta_data, meta_data_token, active, skip_fillers, wait_for_fillers), pre-serialised.</summary>
    internal Json.RawJsonProperties WireAfterUrl { get; }


    /// <summary>For server-side (DataMap) tools, the <c>data_map</c> the platform runs; such tools never reach the agent.</summary>
    public JsonObject? DataMap { get; init; }

    /// <summary>The confirmation question for these arguments.</summary>
    internal string ConfirmationPrompt(JsonObject args)
    {
        string summary;
        try
        {
            summary = Options.ConfirmationSummary?.Invoke(args) ?? FirstLower(Description.TrimEnd('.'));
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or NullReferenceException)
        {
            summary = FirstLower(Description.TrimEnd('.'));
        }

        return Confirmation.Prompt(summary);
    }

    private static (JsonObject Before, JsonObject After) WireExtras(ToolOptions options)
    {
        var before = new JsonObject();
        if (options.WaitFile is { } waitFile)
        {
            before["wait_file"] = waitFile.IsAbsoluteUri ? waitFile.ToString() : throw new ArgumentException("WaitFile must be an absolute URL.", nameof(options));
        }

        if (options.Fillers is { } fillers)
        {
            before["fillers"] = SwaigVocabulary.FillerSet(fillers.LanguageCode, fillers.Phrases);
        }

        if (options.WaitFileLoops is { } loops)
        {
            before["wait_file_loops"] = loops;
        }

        var after = new JsonObject();
        if (options.MetaData is { } metaData)
        {
            after["meta_data"] = metaData.DeepClone();
        }

        if (options.MetaDataToken is { } token)
        {
            after["meta_data_token"] = token;
        }

        if (options.Active is { } active)
        {
            after["active"] = active;
        }

        if (options.SkipFillers is { } skip)
        {
            after["skip_fillers"] = skip;
        }

        if (options.WaitForFillers is { } wait)
        {
            after["wait_for_fillers"] = wait;
        }

        return (before, after);
    }

    private static string FirstLower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}

