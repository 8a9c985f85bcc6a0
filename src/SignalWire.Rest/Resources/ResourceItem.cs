using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SignalWire.Rest.Resources;

/// <summary>
/// One item of an API collection (a Fabric resource, a room, a queue, a log entry...): the fields they share, and
/// every other field in <see cref="Extra"/> (read them with <c>item.Extra?["field"]</c>).
/// </summary>
public sealed record ResourceItem
{
    /// <summary>The item's id.</summary>
    public string? Id { get; init; }

    /// <summary>Its name, where it has one.</summary>
    public string? Name { get; init; }

    /// <summary>Its type, where the collection mixes types (Fabric resources: <c>ai_agent</c>, <c>swml_script</c>...).</summary>
    public string? Type { get; init; }

    /// <summary>Its display name, where it has one.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Its status, where it has one.</summary>
    public string? Status { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Every other field the API returned.</summary>
    [JsonExtensionData]
    public JsonObject? Extra { get; set; }
}
