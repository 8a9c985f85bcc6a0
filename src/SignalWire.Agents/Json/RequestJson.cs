using System.Text.Json;

namespace SignalWire.Agents.Json;

/// <summary>
/// The rules every JSON body from the platform is read by, wherever it is read: at most
/// <see cref="MaxDepth"/> levels deep, and no property name twice in one object.
/// </summary>
public static class RequestJson
{
    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Document options that enforce the rules (a duplicate property is a parse error).</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
}
