namespace SignalWire.Agents;

/// <summary>Components other packages keep on an agent (see <see cref="IAgentComponent"/>).</summary>
public partial class AgentBase
{
    /// <summary>The agent's component of type <typeparamref name="T"/>, or <see langword="null"/> when none was added.</summary>
    public T? GetComponent<T>()
        where T : class, IAgentComponent
    {
        lock (_gate)
        {
            return _state.Components.TryGetValue(typeof(T), out var component) ? (T)component : null;
        }
    }

    /// <summary>The agent's component of type <typeparamref name="T"/>, made with <paramref name="create"/> the first time it is asked for.</summary>
    public T GetOrAddComponent<T>(Func<T> create)
        where T : class, IAgentComponent
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            if (_state.Components.TryGetValue(typeof(T), out var existing))
            {
                return (T)existing;
            }

            var component = create() ?? throw new InvalidOperationException($"The factory for {typeof(T).Name} returned null.");
            _state.Components = _state.Components.Add(typeof(T), component);
            return component;
        }
    }
}
