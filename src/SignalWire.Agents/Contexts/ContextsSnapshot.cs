using System.Text.Json.Nodes;

namespace SignalWire.Agents.Contexts;

/// <summary>Contexts as rendered when they were defined, plus the check of their tool references against the agent's tools.</summary>
internal sealed class ContextsSnapshot(JsonObject json, Action<IReadOnlyCollection<string>> validateTools)
{
    public JsonObject Json { get; } = json;

    public void ValidateTools(IReadOnlyCollection<string> toolNames) => validateTools(toolNames);
}
