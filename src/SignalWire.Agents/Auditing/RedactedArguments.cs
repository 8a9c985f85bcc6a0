using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Auditing;

/// <summary>A tool call's arguments as an audit line records them: masked while they are written, never copied.</summary>
internal sealed class RedactedArguments(ArgumentRedactor redactor, JsonObject arguments, IReadOnlySet<string> toolKeys)
{
    public void WriteTo(Utf8JsonWriter writer) => redactor.WriteRedacted(writer, arguments, toolKeys);
}
