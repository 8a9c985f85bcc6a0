using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Handles a call to an untyped tool; <paramref name="args"/> are the arguments the AI sent.</summary>
public delegate ValueTask<FunctionResult> ToolHandler(JsonObject args, ToolCallContext context, CancellationToken cancellationToken);

/// <summary>Handles a call to a typed tool; <paramref name="args"/> are bound from the arguments the AI sent.</summary>
public delegate ValueTask<FunctionResult> ToolHandler<in TArgs>(TArgs args, ToolCallContext context, CancellationToken cancellationToken);
