namespace SignalWire.Agents.Testing;

/// <summary>One request a <see cref="FakeWebServer"/> received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path.</param>
/// <param name="Query">The query string, with its leading <c>?</c> (empty when none).</param>
/// <param name="Headers">The headers (case-insensitive names).</param>
/// <param name="Body">The body as text.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>A query parameter's (first) value, decoded, or <see langword="null"/>.</summary>
    public string? QueryValue(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>A header's value, or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
