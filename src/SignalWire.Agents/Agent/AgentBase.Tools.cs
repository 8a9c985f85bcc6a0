using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Swaig;

namespace SignalWire.Agents;

/// <summary>Tool (SWAIG function) definition.</summary>
public partial class AgentBase
{
    /// <summary>
    /// Defines a tool whose arguments arrive as a <see cref="JsonObject"/>.
    /// </summary>
    /// <param name="name">Function name (<c>^[A-Za-z_][A-Za-z0-9_]*$</c>, unique, not reserved).</param>
    /// <param name="description">What the tool does, for the AI.</param>
    /// <param name="parameters">JSON Schema of the arguments: an object schema, or just its <c>properties</c> map.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="secure">Require a per-call, per-function token on every invocation.</param>
    public AgentBase DefineTool(string name, string description, JsonObject? parameters, ToolHandler handler, bool secure = false) =>
        DefineTool(name, description, parameters, handler, new ToolOptions { Secure = secure });

    /// <summary>Defines a tool whose arguments arrive as a <see cref="JsonObject"/>, with protections and limits.</summary>
    /// <exception cref="ArgumentException">Invalid or duplicate name, or a schema that cannot be enforced.</exception>
    public AgentBase DefineTool(string name, string description, JsonObject? parameters, ToolHandler handler, ToolOptions options)
    {
        ToolNames.Validate(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        var schema = ToolSchema.Normalize(parameters);
        return AddTool(new ToolDefinition(name, description, schema, options), (args, context, ct) => handler(args, context, ct));
    }

    /// <summary>
    /// Defines a tool whose arguments bind to <typeparamref name="TArgs"/>; the JSON Schema is generated
    /// from the type (snake_case names, <see cref="System.ComponentModel.DescriptionAttribute"/> descriptions).
    /// </summary>
    [RequiresUnreferencedCode("Binds arguments by reflection; use the overload taking a source-generated JsonTypeInfo for trimmed or AOT apps.")]
    [RequiresDynamicCode("Binds arguments by reflection; use the overload taking a source-generated JsonTypeInfo for trimmed or AOT apps.")]
    public AgentBase DefineTool<TArgs>(string name, string description, ToolHandler<TArgs> handler, bool secure = false) =>
        DefineTool(name, description, handler, new ToolOptions { Secure = secure });

    /// <summary>Defines a typed tool with protections and limits (reflection-based binding).</summary>
    [RequiresUnreferencedCode("Binds arguments by reflection; use the overload taking a source-generated JsonTypeInfo for trimmed or AOT apps.")]
    [RequiresDynamicCode("Binds arguments by reflection; use the overload taking a source-generated JsonTypeInfo for trimmed or AOT apps.")]
    public AgentBase DefineTool<TArgs>(string name, string description, ToolHandler<TArgs> handler, ToolOptions options) =>
        DefineTool(name, description, (JsonTypeInfo<TArgs>)TypedToolArguments.DefaultOptions.GetTypeInfo(typeof(TArgs)), handler, options);

    /// <summary>Defines a typed tool with the given (e.g. source-generated) serialization metadata.</summary>
    /// <exception cref="ArgumentException">Invalid or duplicate name, or a type whose schema cannot be enforced.</exception>
    public AgentBase DefineTool<TArgs>(string name, string description, JsonTypeInfo<TArgs> typeInfo, ToolHandler<TArgs> handler, ToolOptions options)
    {
        ToolNames.Validate(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        var schema = TypedToolArguments.SchemaFor(typeInfo);
        return AddTool(new ToolDefinition(name, description, schema, options, TypedToolArguments.SensitiveProperties(typeInfo)), ToolInvokers.CreateInvoker(name, typeInfo, handler));
    }

    /// <summary>Registers a server-side tool the SignalWire platform runs itself (no webhook to the agent).</summary>
    public AgentBase DefineDataMapTool(DataMaps.DataMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        ToolNames.Validate(map.Name);
        var dataMap = map.ToJson();
        return AddTool(new ToolDefinition(
            map.Name,
            map.Description ?? "Execute " + map.Name,
            map.ParametersSchema(),
            new ToolOptions())
        {
            DataMap = dataMap,
        }, invoker: null);
    }

    /// <summary>
    /// Registers <paramref name="tool"/> and its handler. The handler is in place before the tool becomes
    /// visible, so a request that finds the tool always finds its handler.
    /// </summary>
    private AgentBase AddTool(ToolDefinition tool, ToolInvoker? invoker)
    {
        lock (_gate)
        {
            if (Tools.TryGet(tool.Name, out _))
            {
                throw new ArgumentException($"A tool named '{tool.Name}' already exists.", nameof(tool));
            }

            if (invoker is not null)
            {
                _state.Invokers = _state.Invokers.SetItem(tool.Name, invoker);
            }

            Tools.Add(tool);
        }

        if (tool.Options.RequiresConfirmation)
        {
            // The rendered prompt gains the confirmation protocol; invalidate the cached document parts.
            Mutate(static () => { });
        }

        return this;
    }

    /// <summary>
    /// Removes tool <paramref name="name"/> (and its handler): the next document no longer offers it and calls to it
    /// answer "function not found". <see langword="false"/> when there is no such tool. The reserved tools that
    /// <see cref="OnCallEnd"/> and <see cref="UseCallerVerification"/> define stay.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="name"/> is <c>hangup_hook</c> or <c>verify_caller</c> while in use.</exception>
    public bool RemoveTool(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool removed;
        lock (_gate)
        {
            if ((name == CallEndFunction && !_state.CallEndHandlers.IsEmpty) || (name == Verification.CallerVerification.ToolName && _state.Verification is not null))
            {
                throw new InvalidOperationException($"'{name}' is reserved by the agent's own configuration and cannot be removed.");
            }

            // The tool goes first, so a request never finds a tool without its handler.
            removed = _state.Tools.Remove(name);
            if (removed)
            {
                _state.Invokers = _state.Invokers.Remove(name);
            }
        }

        if (removed)
        {
            Mutate(static () => { });
        }

        return removed;
    }

    /// <summary>The handler of webhook tool <paramref name="name"/>, for the pipeline; <see langword="null"/> for a DataMap tool or an unknown name.</summary>
    internal ToolInvoker? InvokerFor(string name) => Volatile.Read(ref _state.Invokers).GetValueOrDefault(name);
}
