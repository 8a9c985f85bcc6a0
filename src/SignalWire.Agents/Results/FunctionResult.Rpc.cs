using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents;

/// <summary>Actions that call the platform's RPC methods.</summary>
public sealed partial class FunctionResult
{
    /// <summary>Runs an RPC: <c>SWML {"execute_rpc": {"method", "call_id"?, "node_id"?, "params"? (when non-empty)}}</c>.</summary>
    public FunctionResult ExecuteRpc(string method, JsonObject? parameters = null, string? callId = null, string? nodeId = null)
    {
        var rpc = new JsonObject { ["method"] = Required(method) };
        AddIf(rpc, "call_id", callId);
        AddIf(rpc, "node_id", nodeId);
        if (parameters is { Count: > 0 })
        {
            rpc["params"] = parameters.DeepClone();
        }

        return Swml(new JsonObject { ["execute_rpc"] = rpc });
    }

    /// <summary>Dials <paramref name="toNumber"/> and runs <paramref name="destinationSwml"/> on the new leg.</summary>
    public FunctionResult RpcDial(string toNumber, string fromNumber, string destinationSwml, string deviceType = "phone") =>
        ExecuteRpc("dial", new JsonObject
        {
            ["devices"] = new JsonObject
            {
                ["type"] = Required(deviceType),
                ["params"] = new JsonObject { ["to_number"] = Required(toNumber), ["from_number"] = Required(fromNumber) },
            },
            ["dest_swml"] = Required(destinationSwml),
        });

    /// <summary>Sends a message (and/or global data) to the AI on another call.</summary>
    public FunctionResult RpcAiMessage(string callId, string? messageText = null, string role = "system", JsonObject? globalData = null)
    {
        if (messageText is null && globalData is null)
        {
            throw new ArgumentException("Give a message, global data, or both.", nameof(messageText));
        }

        var parameters = new JsonObject();
        if (messageText is not null)
        {
            parameters["role"] = role;
            parameters["message_text"] = messageText;
        }

        if (globalData is not null)
        {
            parameters["global_data"] = globalData.DeepClone();
        }

        return ExecuteRpc("ai_message", parameters, callId: Required(callId));
    }

    /// <summary>Merges global data into the AI session of another call.</summary>
    public FunctionResult RpcAiGlobalData(string callId, JsonObject data) => RpcAiMessage(callId, globalData: data ?? throw new ArgumentNullException(nameof(data)));

    /// <summary>Takes another call's AI off hold.</summary>
    public FunctionResult RpcAiUnhold(string callId) => ExecuteRpc("ai_unhold", callId: Required(callId));
}
