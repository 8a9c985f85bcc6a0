using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents.Swml;

/// <summary>The optional parts of the <c>ai_sidecar</c> verb (an AI that listens to both legs of a call and advises).</summary>
public sealed record AiSidecarOptions
{
    /// <summary>The LLM model for the sidecar's turns and summaries.</summary>
    public string? Model { get; init; }

    /// <summary>Which leg is the customer (the source of turn ends); both legs are always listened to.</summary>
    public SidecarLeg? CustomerRole { get; init; }

    /// <summary>Where transcription and sidecar events are posted.</summary>
    public Uri? Url { get; init; }

    /// <summary>SWAIG functions and MCP servers the sidecar may use (the <c>SWAIG</c> object).</summary>
    public JsonObject? Swaig { get; init; }

    /// <summary>SWAIG permission overrides.</summary>
    public JsonObject? Permissions { get; init; }

    /// <summary>The sidecar's initial global data.</summary>
    public JsonObject? GlobalData { get; init; }

    /// <summary>Speech-recognition hints.</summary>
    public IReadOnlyList<string>? Hints { get; init; }

    /// <summary>Tunables such as <c>idle_timeout_ms</c> (passed through; the platform checks them).</summary>
    public JsonObject? Params { get; init; }

    internal void CopyTo(JsonObject config)
    {
        AddIf(config, "model", Model);
        config["direction"] = Strings([SidecarLegs.Wire(SidecarLeg.RemoteCaller), SidecarLegs.Wire(SidecarLeg.LocalCaller)]);
        AddIf(config, "customer_role", CustomerRole is { } role ? SidecarLegs.Wire(role) : null);
        AddIf(config, "url", Url?.ToString());
        AddIf(config, "SWAIG", Swaig?.DeepClone());
        AddIf(config, "permissions", Permissions?.DeepClone());
        AddIf(config, "global_data", GlobalData?.DeepClone());
        AddList(config, "hints", Hints);
        AddIf(config, "params", Params?.DeepClone());
    }
}
