using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Handles one request's dynamic configuration on a private copy of the agent.</summary>
public delegate ValueTask DynamicConfigHandler(AgentRequest request, AgentBase agent, CancellationToken cancellationToken);

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

/// <summary>What a dynamic configuration handler knows about the request.</summary>
/// <param name="Query">Query-string values (first value of each).</param>
/// <param name="Body">The posted JSON body, if any.</param>
/// <param name="Headers">Request headers, without credentials (Authorization, Cookie, API keys, signatures).</param>
public sealed record AgentRequest(IReadOnlyDictionary<string, string> Query, JsonObject? Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The call of an SWML fetch (<c>body.call</c>), typed; <see langword="null"/> for tool calls and bodiless requests.</summary>
    public Requests.CallInfo? Call => Requests.CallInfo.FromFetchBody(Body);

    /// <summary>The SWML variables of an SWML fetch (<c>body.vars</c>).</summary>
    public JsonObject? Vars => Body?["vars"] as JsonObject;

    /// <summary>The user variables of an SWML fetch (<c>body.vars.userVariables</c>).</summary>
    public JsonObject? UserVariables => Vars?["userVariables"] as JsonObject;
}
