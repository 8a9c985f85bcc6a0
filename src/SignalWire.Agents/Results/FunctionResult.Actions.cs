using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Call-control and state actions.</summary>
public sealed partial class FunctionResult
{
    /// <summary>Speaks <paramref name="text"/> on the call: <c>{"say": text}</c>.</summary>
    public FunctionResult Say(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AddAction("say", text);
    }

    /// <summary>Ends the call: <c>{"hangup": true}</c>.</summary>
    public FunctionResult Hangup() => AddAction("hangup", true);

    /// <summary>Stops the AI agent: <c>{"stop": true}</c>.</summary>
    public FunctionResult Stop() => AddAction("stop", true);

    /// <summary>
    /// Connects the call to <paramref name="destination"/> (a phone number or SIP URI). With
    /// <paramref name="final"/> the call leaves the agent for good; otherwise it returns when the far end hangs up.
    /// </summary>
    public FunctionResult Connect(string destination, bool final = true, string? from = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var connect = new JsonObject { ["to"] = destination };
        if (from is not null)
        {
            connect["from"] = from;
        }

        return AddAction(new JsonObject
        {
            ["SWML"] = new JsonObject
            {
                ["sections"] = new JsonObject { ["main"] = new JsonArray(new JsonObject { ["connect"] = connect }) },
                ["version"] = "1.0.0",
            },
            ["transfer"] = final ? "true" : "false",
        });
    }

    /// <summary>
    /// Transfers the call to another SWML destination (<paramref name="destination"/>), telling the AI what to
    /// say (<paramref name="aiResponse"/>) if the call comes back.
    /// </summary>
    public FunctionResult SwmlTransfer(string destination, string aiResponse, bool final = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentNullException.ThrowIfNull(aiResponse);
        return AddAction(new JsonObject
        {
            ["SWML"] = new JsonObject
            {
                ["version"] = "1.0.0",
                ["sections"] = new JsonObject
                {
                    ["main"] = new JsonArray(
                        new JsonObject { ["set"] = new JsonObject { ["ai_response"] = aiResponse } },
                        new JsonObject { ["transfer"] = new JsonObject { ["dest"] = destination } }),
                },
            },
            ["transfer"] = final ? "true" : "false",
        });
    }

    /// <summary>Merges <paramref name="data"/> into the session's global data: <c>{"set_global_data": data}</c>.</summary>
    public FunctionResult UpdateGlobalData(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return AddAction("set_global_data", data.DeepClone());
    }

    /// <summary>Removes keys from the global data: <c>{"unset_global_data": key | [keys]}</c>.</summary>
    public FunctionResult RemoveGlobalData(params string[] keys) => AddAction("unset_global_data", KeysNode(keys));

    /// <summary>Merges <paramref name="data"/> into this function's metadata: <c>{"set_meta_data": data}</c>.</summary>
    public FunctionResult SetMetadata(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return AddAction("set_meta_data", data.DeepClone());
    }

    /// <summary>Removes keys from this function's metadata: <c>{"unset_meta_data": key | [keys]}</c>.</summary>
    public FunctionResult RemoveMetadata(params string[] keys) => AddAction("unset_meta_data", KeysNode(keys));

    /// <summary>Turns tools on or off for the rest of the call: <c>{"toggle_functions": [{"function", "active"}]}</c>.</summary>
    public FunctionResult ToggleFunctions(params (string Function, bool Active)[] toggles)
    {
        ArgumentNullException.ThrowIfNull(toggles);
        if (toggles.Length == 0)
        {
            throw new ArgumentException("Name at least one function to toggle.", nameof(toggles));
        }

        var array = new JsonArray();
        foreach (var (function, active) in toggles)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(function, nameof(toggles));
            array.Add((JsonNode)new JsonObject { ["function"] = function, ["active"] = active });
        }

        return AddAction("toggle_functions", array);
    }

    private static JsonNode KeysNode(string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            throw new ArgumentException("Name at least one key.", nameof(keys));
        }

        if (keys.Length == 1)
        {
            return JsonValue.Create(keys[0]);
        }

        var array = new JsonArray();
        foreach (var key in keys)
        {
            array.Add((JsonNode)JsonValue.Create(key));
        }

        return array;
    }
}
