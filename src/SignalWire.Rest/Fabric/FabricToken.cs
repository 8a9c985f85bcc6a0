using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SignalWire.Rest.Fabric;

/// <summary>A Call Fabric token (a JWT for a subscriber, guest, invite or embed).</summary>
public sealed record FabricToken
{
    /// <summary>The token.</summary>
    public string? Token { get; init; }

    /// <summary>The refresh token, for subscriber tokens.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The subscriber it is for, for subscriber tokens.</summary>
    public string? SubscriberId { get; init; }

    /// <summary>Every other field the API returned.</summary>
    [JsonExtensionData]
    public JsonObject? Extra { get; set; }

    /// <summary>The token's type and subscriber, never the token.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("SubscriberId = ").Append(SubscriberId).Append(", Token = ").Append(Token is null ? "(none)" : "***");
        return true;
    }
}
