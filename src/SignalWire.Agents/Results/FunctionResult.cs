using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>
/// What a SWAIG tool returns to the AI: a response (a prompt to the model, not speech) and an ordered
/// list of actions for the platform to carry out. Action methods append and return the same instance.
/// </summary>
public sealed partial class FunctionResult
{
    /// <summary>Response sent when a result has neither a response nor actions.</summary>
    public const string EmptyResponse = "Action completed.";

    private readonly List<JsonObject> _actions = [];

    /// <summary>Creates a result with an optional response.</summary>
    public FunctionResult(string? response = null, bool postProcess = false)
    {
        Response = response;
        PostProcess = postProcess;
    }

    private JsonObject? _toolResponse;

    /// <summary>The text the AI receives.</summary>
    public string? Response { get; set; }

    /// <summary>Let the AI speak its response before the actions run (only sent with actions).</summary>
    public bool PostProcess { get; set; }

    /// <summary>The actions, in order; each is an object the platform understands.</summary>
    public IReadOnlyList<JsonObject> Actions => _actions;

    /// <summary>Sets the response text.</summary>
    public FunctionResult SetResponse(string? response)
    {
        Response = response;
        return this;
    }

    /// <summary>
    /// Answers with a structured response instead of text: <c>{"tool_result": ..., "tool_prompt": ...}</c>
    /// (the result for the record, and an instruction for the AI).
    /// </summary>
    public FunctionResult SetToolResponse(string? toolResult, string? toolPrompt)
    {
        var response = new JsonObject();
        if (toolResult is not null)
        {
            response["tool_result"] = toolResult;
        }

        if (toolPrompt is not null)
        {
            response["tool_prompt"] = toolPrompt;
        }

        _toolResponse = response.Count > 0 ? response : null;
        Response = null;
        return this;
    }

    /// <summary>Sets <see cref="PostProcess"/>.</summary>
    public FunctionResult SetPostProcess(bool postProcess = true)
    {
        PostProcess = postProcess;
        return this;
    }

    /// <summary>Appends the action <c>{name: value}</c>.</summary>
    public FunctionResult AddAction(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return AddAction(new JsonObject { [name] = value });
    }

    /// <summary>Appends a complete action object (for actions with more than one key).</summary>
    public FunctionResult AddAction(JsonObject action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Count == 0)
        {
            throw new ArgumentException("An action needs at least one key.", nameof(action));
        }

        _actions.Add(action);
        return this;
    }

    /// <summary>Removes the action at <paramref name="index"/> (the pipeline's policy checks).</summary>
    internal void RemoveActionAt(int index) => _actions.RemoveAt(index);

    /// <summary>Adds <paramref name="notice"/> to what the AI is told: after the text response, or the structured response's <c>tool_prompt</c>.</summary>
    internal void AppendNotice(string notice)
    {
        if (_toolResponse is not null)
        {
            _toolResponse["tool_prompt"] = _toolResponse["tool_prompt"] is { } prompt ? prompt.GetValue<string>() + " " + notice : notice;
            return;
        }

        Response = string.IsNullOrEmpty(Response) ? notice : Response + " " + notice;
    }

    /// <summary>Writes the wire form: <c>response</c>, then <c>action</c>, then <c>post_process</c>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        var hasResponse = !string.IsNullOrEmpty(Response) || _toolResponse is not null;
        if (_toolResponse is not null)
        {
            writer.WritePropertyName("response");
            _toolResponse.WriteTo(writer);
        }
        else if (hasResponse)
        {
            writer.WriteString("response", Response);
        }

        if (_actions.Count > 0)
        {
            writer.WriteStartArray("action");
            foreach (var action in _actions)
            {
                action.WriteTo(writer);
            }

            writer.WriteEndArray();
            if (PostProcess)
            {
                writer.WriteBoolean("post_process", true);
            }
        }
        else if (!hasResponse)
        {
            writer.WriteString("response", EmptyResponse);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the wire JSON, compact, as UTF-8 into <paramref name="output"/> (with a writer kept per thread, so nothing is allocated for it).</summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = SignalWire.Agents.Json.ThreadWriter.Rent(output);
        WriteTo(writer);
        SignalWire.Agents.Json.ThreadWriter.Return(writer);
    }

    /// <summary>The wire JSON as a compact string.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteTo(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc />
    public override string ToString() => ToJson();
}
