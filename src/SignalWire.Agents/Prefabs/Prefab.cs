namespace SignalWire.Agents.Prefabs;

/// <summary>Shared by the prefabs.</summary>
internal static class Prefab
{
    /// <summary>The caller's options, or the prefab's own name and route when none are given.</summary>
    public static AgentOptions Options(AgentOptions? options, string name, string route) =>
        options ?? new AgentOptions { Name = name, Route = route };

    /// <summary>Checks that <paramref name="value"/> is not empty, naming <paramref name="what"/>.</summary>
    public static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{what} must not be empty.", nameof(value)) : value.Trim();
}
