
namespace SignalWire.Agents;

/// <summary>
/// Per-request configuration (multi-tenant agents): handlers receive the request and a private copy of the
/// agent, change the copy, and that request's document (or tool call) uses it. Nothing a handler does
/// reaches the shared agent or another request.
/// </summary>
public partial class AgentBase
{
    private DynamicConfigHandler[] _dynamicHandlers = [];

    /// <summary>
    /// Copy constructor for per-request copies: the whole definition is cloned (see <see cref="AgentDefinition"/>);
    /// options, resolved settings (credentials, secret) and the tools' handlers are shared.
    /// </summary>
    private AgentBase(AgentBase source)
    {
        Options = source.Options;
        _settings = source._settings;
        lock (source._gate)
        {
            _state = source._state.Clone();
        }

        IsRequestCopy = true;
    }

    /// <summary>Whether this instance is a per-request copy made for dynamic configuration.</summary>
    public bool IsRequestCopy { get; }

    /// <summary>Whether dynamic configuration handlers are registered.</summary>
    public bool HasDynamicConfig => Volatile.Read(ref _dynamicHandlers).Length > 0;

    /// <summary>Adds a per-request configuration handler; handlers run in registration order on the same copy.</summary>
    public AgentBase OnRequest(DynamicConfigHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Mutate(() => _dynamicHandlers = [.. _dynamicHandlers, handler]);
    }

    /// <summary>Makes a private copy and runs the handlers on it. A handler's exception propagates to the caller.</summary>
    public async ValueTask<AgentBase> ConfigureForRequestAsync(AgentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = new AgentBase(this);
        foreach (var handler in Volatile.Read(ref _dynamicHandlers))
        {
            await handler(request, copy, cancellationToken).ConfigureAwait(false);
        }

        return copy;
    }
}
