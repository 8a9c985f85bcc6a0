namespace SignalWire.Agents.Tools;

/// <summary>
/// The agent's tools in registration order. Writers replace an immutable snapshot under a lock, so
/// rendering and dispatch read a consistent list without locking while tools are being defined.
/// </summary>
public sealed class ToolRegistry
{
    private readonly Lock _gate = new();
    private Snapshot _snapshot = new([], new Dictionary<string, ToolDefinition>(StringComparer.Ordinal));

    /// <summary>The tools, in registration order (a snapshot).</summary>
    public IReadOnlyList<ToolDefinition> All => Volatile.Read(ref _snapshot).Ordered;

    /// <summary>Number of tools.</summary>
    public int Count => Volatile.Read(ref _snapshot).Ordered.Length;

    /// <summary>Finds a tool by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ToolDefinition tool) =>
        Volatile.Read(ref _snapshot).ByName.TryGetValue(name, out tool);

    /// <summary>A registry that starts with this one's tools and then evolves on its own.</summary>
    internal ToolRegistry Clone() => new() { _snapshot = Volatile.Read(ref _snapshot) };

    internal void Add(ToolDefinition tool)
    {
        lock (_gate)
        {
            var current = _snapshot;
            if (current.ByName.ContainsKey(tool.Name))
            {
                throw new ArgumentException($"A tool named '{tool.Name}' already exists.", nameof(tool));
            }

            var ordered = new ToolDefinition[current.Ordered.Length + 1];
            current.Ordered.CopyTo(ordered, 0);
            ordered[^1] = tool;
            var byName = new Dictionary<string, ToolDefinition>(current.ByName, StringComparer.Ordinal) { [tool.Name] = tool };
            Volatile.Write(ref _snapshot, new Snapshot(ordered, byName));
        }
    }

    internal bool Remove(string name)
    {
        lock (_gate)
        {
            var current = _snapshot;
            if (!current.ByName.ContainsKey(name))
            {
                return false;
            }

            var byName = new Dictionary<string, ToolDefinition>(current.ByName, StringComparer.Ordinal);
            byName.Remove(name);
            Volatile.Write(ref _snapshot, new Snapshot([.. current.Ordered.Where(t => t.Name != name)], byName));
            return true;
        }
    }

    private sealed record Snapshot(ToolDefinition[] Ordered, Dictionary<string, ToolDefinition> ByName);
}
