namespace SignalWire.Agents.Security;

/// <summary>Host names against configured patterns: exact names (any case) or <c>*.domain</c> for any name below a domain.</summary>
internal static class HostPatterns
{
    /// <summary>Whether <paramref name="host"/> matches one of <paramref name="patterns"/>.</summary>
    public static bool Matches(string host, IReadOnlyList<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.Length > pattern.Length - 1 && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
                : host.Equals(pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
