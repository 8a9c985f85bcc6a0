using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// A capability an agent adds in one line: tools (run through the agent's own pipeline, so validation, limits,
/// tokens and audit apply), hints, prompt sections and global data. A skill declares its parameters as a JSON
/// Schema; they are checked when the skill is added, and a missing or mistyped one stops start-up naming the
/// skill and the parameter.
/// </summary>
/// <remarks>
/// Every skill also takes <c>swaig_fields</c> (an object merged into each of its tools' SWAIG fields),
/// <c>skip_prompt</c> (add no prompt sections) and, when it supports several instances, <c>tool_name</c> (which
/// names its tool and keys its instance).
/// </remarks>
public abstract class SkillBase
{
    private JsonObject _parameters = [];

    /// <summary>The skill's registered name (<c>datetime</c>, <c>web_search</c>, ...).</summary>
    public abstract string Name { get; }

    /// <summary>What the skill does.</summary>
    public abstract string Description { get; }

    /// <summary>The skill's version.</summary>
    public virtual string Version => "1.0.0";

    /// <summary>Whether one agent may hold several instances (each with its own <c>tool_name</c>).</summary>
    public virtual bool SupportsMultipleInstances => false;

    /// <summary>
    /// The JSON Schema (an object schema) of the skill's own parameters; the common ones are added by
    /// <see cref="FullParameterSchema"/>. Default: no parameters.
    /// </summary>
    protected virtual JsonObject ParameterSchema => new() { ["type"] = "object", ["properties"] = new JsonObject() };

    /// <summary>The parameters as given (a copy), after validation.</summary>
    public JsonObject Parameters => (JsonObject)_parameters.DeepClone();

    /// <summary>The name of the skill's (main) tool: <c>tool_name</c> when given, else <see cref="DefaultToolName"/>.</summary>
    public string ToolName => _parameters.GetString("tool_name") ?? DefaultToolName;

    /// <summary>The tool name used when <c>tool_name</c> is not given; default the skill's name.</summary>
    protected virtual string DefaultToolName => Name;

    /// <summary>The key this instance is held under on an agent: the name, or <c>name_tool</c> for an instance of a multi-instance skill whose tool name is not the skill's name.</summary>
    public string InstanceKey => SupportsMultipleInstances && ToolName != Name ? $"{Name}_{ToolName}" : Name;

    /// <summary>The global-data key of this instance's own state (<c>skill:&lt;instance key&gt;</c>).</summary>
    public string StateKey => "skill:" + InstanceKey;

    /// <summary>The whole schema: <see cref="ParameterSchema"/> plus <c>swaig_fields</c>, <c>skip_prompt</c> and (multi-instance) <c>tool_name</c>.</summary>
    public JsonObject FullParameterSchema
    {
        get
        {
            var schema = ParameterSchema;
            var properties = schema["properties"] as JsonObject ?? [];
            schema["properties"] = properties;
            properties.TryAdd("swaig_fields", new JsonObject { ["type"] = "object", ["description"] = "SWAIG fields merged into each of the skill's tools" });
            properties.TryAdd("skip_prompt", new JsonObject { ["type"] = "boolean", ["description"] = "Add no prompt sections" });
            if (SupportsMultipleInstances)
            {
                properties.TryAdd("tool_name", new JsonObject { ["type"] = "string", ["description"] = "The tool's name (and this instance's key)", ["pattern"] = "^[A-Za-z_][A-Za-z0-9_]{0,63}$" });
            }

            schema["additionalProperties"] = false;
            return schema;
        }
    }

    /// <summary>Reads a string parameter.</summary>
    protected string? GetString(string name) => _parameters.GetString(name);

    /// <summary>
    /// A secret (an API key) from parameter <paramref name="parameter"/>, else environment variable
    /// <paramref name="environmentVariable"/>. The error names both, never a value.
    /// </summary>
    /// <exception cref="AgentConfigurationException">Neither is set.</exception>
    protected string RequireSecret(string parameter, string environmentVariable) =>
        GetString(parameter) is { Length: > 0 } value ? value
        : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : throw new AgentConfigurationException($"Skill '{Name}': {parameter} is required (or set {environmentVariable}).");

    /// <summary>Reads an integer parameter, or <paramref name="fallback"/>.</summary>
    protected int GetInt(string name, int fallback) => _parameters.GetInt32(name) ?? fallback;

    /// <summary>Reads a number parameter, or <paramref name="fallback"/>.</summary>
    protected double GetNumber(string name, double fallback) =>
        _parameters[name] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : fallback;

    /// <summary>Reads a boolean parameter, or <paramref name="fallback"/>.</summary>
    protected bool GetBool(string name, bool fallback) => _parameters.GetBoolean(name) ?? fallback;

    /// <summary>
    /// An absolute http(s) address from parameter <paramref name="parameter"/>, else <paramref name="fallback"/>
    /// (services' base URLs are parameters so proxies and tests can point them elsewhere).
    /// </summary>
    /// <exception cref="AgentConfigurationException">The value is not an absolute http or https URL.</exception>
    protected Uri GetUrl(string parameter, string fallback)
    {
        var text = GetString(parameter) ?? fallback;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new AgentConfigurationException($"Skill '{Name}': {parameter} must be an absolute http or https URL.");
    }

    /// <summary>A message parameter with <c>{query}</c> replaced, or <paramref name="fallback"/> likewise.</summary>
    protected string Message(string parameter, string fallback, string query) => (GetString(parameter) ?? fallback).Replace("{query}", query, StringComparison.Ordinal);

    /// <summary><paramref name="response"/> between the <c>response_prefix</c> and <c>response_postfix</c> parameters, where given.</summary>
    protected string Framed(string response)
    {
        var prefix = GetString("response_prefix");
        var postfix = GetString("response_postfix");
        return (prefix is null ? string.Empty : prefix + "\n\n") + response + (postfix is null ? string.Empty : "\n\n" + postfix);
    }

    /// <summary>Reads a parameter as JSON (a copy), or <see langword="null"/>.</summary>
    protected JsonNode? GetNode(string name) => _parameters[name]?.DeepClone();

    /// <summary>Sets a parameter (typed skills' properties write through this before the skill is added).</summary>
    protected void SetParameter(string name, JsonNode? value) => _parameters[name] = value?.DeepClone();

    /// <summary>
    /// Contributes the skill to the agent through <paramref name="context"/>: tools, hints, prompt sections, global data.
    /// Parameters are valid when this runs.
    /// </summary>
    protected internal abstract void Register(SkillContext context);

    /// <summary>Whether the skill must run <see cref="PrepareAsync"/> (and so be added with <c>AddSkillAsync</c>) before it registers.</summary>
    protected internal virtual bool NeedsPreparation => false;

    internal bool Prepared { get; set; }

    /// <summary>
    /// Runs before <see cref="Register"/> when the skill is added with <c>AddSkillAsync</c>, with validated parameters:
    /// the place for network work at start-up (discovering tools, checking a server). Default: nothing.
    /// </summary>
    protected internal virtual Task PrepareAsync(SkillHttp http, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The outbound HTTP for a tool call (the agent's, see <c>UseSkillHttp</c>).</summary>
    protected static SkillHttp HttpFor(ToolCallContext call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Agent.GetSkillHttp();
    }

    /// <summary>Called when the skill is removed from an agent, after its tools are.</summary>
    protected internal virtual void Cleanup()
    {
    }

    /// <summary>Validates <paramref name="parameters"/> merged over those set so far; throws naming the skill and the parameter.</summary>
    internal void Accept(JsonObject? parameters)
    {
        var merged = (JsonObject)_parameters.DeepClone();
        foreach (var (key, value) in parameters ?? [])
        {
            merged[key] = value?.DeepClone();
        }

        var problems = Validation.ArgumentSchema.Compile(FullParameterSchema).Validate(merged);
        if (problems.Count > 0)
        {
            throw new AgentConfigurationException($"Skill '{Name}': {string.Join("; ", problems)}.");
        }

        _parameters = merged;
    }
}
