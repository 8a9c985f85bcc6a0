using System.Text.Json.Nodes;

namespace SignalWire.Agents.DataMaps;

/// <summary>
/// A server-side tool: the SignalWire platform evaluates its expressions and calls its webhooks itself,
/// so no request reaches the agent. Build it fluently and register it with <c>agent.DefineDataMapTool(map)</c>.
/// </summary>
/// <remarks>
/// Only what the SWML schema accepts is emitted: expressions without a no-match output, outputs with a
/// <c>response</c> and <c>action</c> only, and error keys on webhooks (global error keys are applied to
/// every webhook, which is what they mean).
/// </remarks>
public sealed class DataMap
{
    private readonly JsonObject _properties = [];
    private readonly List<string> _required = [];
    private readonly JsonArray _expressions = [];
    private readonly List<JsonObject> _webhooks = [];
    private readonly List<string> _globalErrorKeys = [];
    private JsonObject? _fallback;

    /// <summary>Starts a data map for the function <paramref name="name"/>.</summary>
    public DataMap(string name)
    {
        Swaig.ToolNames.Validate(name);
        Name = name;
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The description given to the AI (default <c>Execute &lt;name&gt;</c>).</summary>
    public string? Description { get; private set; }

    /// <summary>Sets the description.</summary>
    public DataMap Purpose(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Description = description;
        return this;
    }

    /// <summary>Declares an argument (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>array</c> or <c>object</c>).</summary>
    public DataMap Parameter(string name, string type, string description, bool required = false, IEnumerable<string>? enumValues = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (type is not ("string" or "integer" or "number" or "boolean" or "array" or "object"))
        {
            throw new ArgumentException($"Unknown parameter type '{type}'.", nameof(type));
        }

        var property = new JsonObject { ["type"] = type, ["description"] = description };
        if (enumValues is not null)
        {
            property["enum"] = new JsonArray([.. enumValues.Select(v => (JsonNode)JsonValue.Create(v))]);
        }

        if (type == "array")
        {
            property["items"] = new JsonObject { ["type"] = "string" };
        }

        _properties[name] = property;
        if (required && !_required.Contains(name, StringComparer.Ordinal))
        {
            _required.Add(name);
        }

        return this;
    }

    /// <summary>Answers with <paramref name="output"/> when <paramref name="testValue"/> (a template such as <c>${args.type}</c>) matches <paramref name="pattern"/>.</summary>
    public DataMap Expression(string testValue, string pattern, FunctionResult output) => Expression(testValue, pattern, output, noMatchOutput: null);

    /// <summary>
    /// As <see cref="Expression(string, string, FunctionResult)"/>, with <paramref name="noMatchOutput"/> returned when
    /// the pattern does not match (<c>nomatch-output</c>, a key the platform reads but the official SWML schema does
    /// not list, so such a document does not pass <c>ValidateSwml</c>).
    /// </summary>
    public DataMap Expression(string testValue, string pattern, FunctionResult output, FunctionResult? noMatchOutput)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(testValue);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var expression = new JsonObject { ["string"] = testValue, ["pattern"] = pattern, ["output"] = OutputOf(output) };
        if (noMatchOutput is not null)
        {
            expression["nomatch-output"] = OutputOf(noMatchOutput);
        }

        _expressions.Add((JsonNode)expression);
        return this;
    }

    /// <summary>Adds a webhook the platform calls (GET, POST, PUT or DELETE); later settings apply to the last webhook.</summary>
    public DataMap Webhook(string method, string url, IReadOnlyDictionary<string, string>? headers = null, bool inputArgsAsParams = false, IEnumerable<string>? requireArgs = null)
    {
        var verb = (method ?? throw new ArgumentNullException(nameof(method))).ToUpperInvariant();
        if (verb is not ("GET" or "POST" or "PUT" or "DELETE"))
        {
            throw new ArgumentException("method must be GET, POST, PUT or DELETE.", nameof(method));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var webhook = new JsonObject { ["url"] = url, ["method"] = verb };
        if (headers is { Count: > 0 })
        {
            var h = new JsonObject();
            foreach (var (key, value) in headers)
            {
                h[key] = value;
            }

            webhook["headers"] = h;
        }

        if (inputArgsAsParams)
        {
            webhook["input_args_as_params"] = true;
        }

        if (requireArgs is not null)
        {
            webhook["require_args"] = new JsonArray([.. requireArgs.Select(a => (JsonNode)JsonValue.Create(a))]);
        }

        _webhooks.Add(webhook);
        return this;
    }

    /// <summary>Sets the last webhook's query parameters.</summary>
    public DataMap Params(JsonObject parameters) => SetOnWebhook("params", parameters);

    /// <summary>Builds text from each element of an array in the last webhook's response (<c>${this.field}</c> in <paramref name="append"/>).</summary>
    public DataMap ForEach(string inputKey, string outputKey, string append, int? max = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(append);
        var foreach_ = new JsonObject { ["input_key"] = inputKey, ["output_key"] = outputKey, ["append"] = append };
        if (max is { } m)
        {
            foreach_["max"] = m;
        }

        return SetOnWebhook("foreach", foreach_);
    }

    /// <summary>Sets what the AI gets when the last webhook succeeds.</summary>
    public DataMap Output(FunctionResult result) => SetOnWebhook("output", OutputOf(result));

    /// <summary>Sets expressions evaluated on the last webhook's response.</summary>
    public DataMap WebhookExpressions(params (string TestValue, string Pattern, FunctionResult Output)[] expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        return SetOnWebhook("expressions", new JsonArray([.. expressions.Select(e => (JsonNode)new JsonObject { ["string"] = e.TestValue, ["pattern"] = e.Pattern, ["output"] = OutputOf(e.Output) })]));
    }

    /// <summary>Keys whose presence in the last webhook's response marks it as failed.</summary>
    public DataMap ErrorKeys(params string[] keys) => SetOnWebhook("error_keys", new JsonArray([.. (keys ?? throw new ArgumentNullException(nameof(keys))).Select(k => (JsonNode)JsonValue.Create(k))]));

    /// <summary>Keys whose presence marks any webhook's response as failed.</summary>
    public DataMap GlobalErrorKeys(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _globalErrorKeys.AddRange(keys);
        return this;
    }

    /// <summary>What the AI gets when no expression matched and every webhook failed.</summary>
    public DataMap FallbackOutput(FunctionResult result)
    {
        _fallback = OutputOf(result);
        return this;
    }

    /// <summary>The parameter schema (an object schema).</summary>
    public JsonObject ParametersSchema()
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = _properties.DeepClone() };
        if (_required.Count > 0)
        {
            schema["required"] = new JsonArray([.. _required.Select(r => (JsonNode)JsonValue.Create(r))]);
        }

        return schema;
    }

    /// <summary>The <c>data_map</c> object: expressions, webhooks, fallback output.</summary>
    public JsonObject ToJson()
    {
        if (_expressions.Count == 0 && _webhooks.Count == 0)
        {
            throw new InvalidOperationException($"Data map '{Name}' needs at least one expression or webhook.");
        }

        var map = new JsonObject();
        if (_expressions.Count > 0)
        {
            map["expressions"] = _expressions.DeepClone();
        }

        if (_webhooks.Count > 0)
        {
            var webhooks = new JsonArray();
            foreach (var webhook in _webhooks)
            {
                var copy = (JsonObject)webhook.DeepClone();
                if (_globalErrorKeys.Count > 0)
                {
                    var keys = copy["error_keys"] is JsonArray existing ? existing.Select(k => k!.GetValue<string>()).ToList() : [];
                    keys.AddRange(_globalErrorKeys.Where(k => !keys.Contains(k, StringComparer.Ordinal)));
                    copy["error_keys"] = new JsonArray([.. keys.Select(k => (JsonNode)JsonValue.Create(k))]);
                }

                webhooks.Add((JsonNode)copy);
            }

            map["webhooks"] = webhooks;
        }

        if (_fallback is not null)
        {
            map["output"] = _fallback.DeepClone();
        }

        return map;
    }

    private DataMap SetOnWebhook(string key, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_webhooks.Count == 0)
        {
            throw new InvalidOperationException($"Add a webhook before setting its {key}.");
        }

        _webhooks[^1][key] = value.DeepClone();
        return this;
    }

    /// <summary>A webhook/expression output: <c>{"response", "action"?}</c>.</summary>
    private static JsonObject OutputOf(FunctionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var output = new JsonObject { ["response"] = result.Response ?? string.Empty };
        if (result.Actions.Count > 0)
        {
            output["action"] = new JsonArray([.. result.Actions.Select(a => (JsonNode)a.DeepClone())]);
        }

        return output;
    }
}
