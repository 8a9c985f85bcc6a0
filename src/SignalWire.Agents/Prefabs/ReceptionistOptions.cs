namespace SignalWire.Agents.Prefabs;

/// <summary>Where a <see cref="ReceptionistAgent"/> routes callers.</summary>
public sealed class ReceptionistOptions
{
    /// <summary>The departments (at least one; names unique).</summary>
    public IReadOnlyList<Department> Departments { get; set; } = [];

    /// <summary>The first thing the AI says.</summary>
    public string Greeting { get; set; } = "Thank you for calling. How can I help you today?";

    /// <summary>The voice (<c>engine.voice</c> or <c>engine.voice:model</c>).</summary>
    public string Voice { get; set; } = "rime.spore";

    /// <summary>The agent's options; default name <c>receptionist</c> at route <c>/receptionist</c>.</summary>
    public AgentOptions? Agent { get; set; }
}
