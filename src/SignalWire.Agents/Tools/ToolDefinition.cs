using System.Text.Json.Nodes;

namespace SignalWire.Agents.Tools;

/// <summary>A registered SWAIG function: its description, parameter schema, security and handler.</summary>
public sealed class ToolDefinition
{
    internal ToolDefinition(string name, string description, JsonObject parameters, bool secure, ToolInvoker invoke)
    {
        Name = name;
        Description = description;
        Parameters = parameters;
        Secure = secure;
        Invoke = invoke;
        WireParameters = ToolSchema.ToWire(parameters);
        WireParametersUtf8 = Swml.SwmlJson.ToUtf8(WireParameters);
        var required = new List<string>();
        if (parameters["required"] is JsonArray list)
        {
            foreach (var item in list)
            {
                if (item?.GetValue<string>() is { } key)
                {
                    required.Add(key);
                }
            }
        }

        Required = required;
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>What the tool does, for the AI.</summary>
    public string Description { get; }

    /// <summary>The full JSON Schema of the arguments (an object schema). Do not modify.</summary>
    public JsonObject Parameters { get; }

    /// <summary>The schema as rendered into SWML: the subset of JSON Schema the SWML schema accepts.</summary>
    public JsonObject WireParameters { get; }

    /// <summary>Names of the required arguments.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>Whether calls must carry a valid per-function token.</summary>
    public bool Secure { get; }

    internal ReadOnlyMemory<byte> WireParametersUtf8 { get; }

    internal ToolInvoker Invoke { get; }
}

/// <summary>Binds raw arguments and runs the handler.</summary>
internal delegate ValueTask<FunctionResult> ToolInvoker(JsonObject args, ToolCallContext context, CancellationToken cancellationToken);
