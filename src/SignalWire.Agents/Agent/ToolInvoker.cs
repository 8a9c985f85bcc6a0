using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SignalWire.Agents.Json;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents;

/// <summary>How the pipeline runs a tool's handler: validated arguments in, the handler's result out.</summary>
internal delegate ValueTask<FunctionResult> ToolInvoker(JsonObject args, ToolCallContext context, CancellationToken cancellationToken);

/// <summary>Invokers for typed handlers.</summary>
internal static class ToolInvokers
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_arguments;

    /// <summary>
    /// Binds validated arguments to <typeparamref name="TArgs"/> and runs the handler. Arguments reach this
    /// point only after schema validation; a value the schema allows but the type cannot hold (a number too
    /// large for <see cref="decimal"/>, say) is still answered with a clear message.
    /// </summary>
    internal static ToolInvoker CreateInvoker<TArgs>(string toolName, JsonTypeInfo<TArgs> typeInfo, ToolHandler<TArgs> handler) =>
        (args, context, cancellationToken) =>
        {
            TArgs? bound;
            try
            {
                bound = Bind(args, typeInfo);
            }
            catch (JsonException ex)
            {
                var path = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
                return ValueTask.FromResult(TypedToolArguments.InvalidArguments(toolName, path is null ? "the arguments do not match the tool's parameters" : $"{path} has the wrong type or format"));
            }

            return bound is null
                ? ValueTask.FromResult(TypedToolArguments.InvalidArguments(toolName, "no arguments were given"))
                : handler(bound, context, cancellationToken);
        };

    /// <summary>
    /// The arguments as <typeparamref name="TArgs"/>: written once into this thread's buffer and read back by
    /// the type's generated reader. The buffer is wiped afterwards, so no argument (a PIN, say) stays in memory.
    /// </summary>
    private static TArgs? Bind<TArgs>(JsonObject args, JsonTypeInfo<TArgs> typeInfo)
    {
        var buffer = t_arguments ??= new ArrayBufferWriter<byte>(512);
        try
        {
            var writer = ThreadWriter.Rent(buffer);
            args.WriteTo(writer);
            ThreadWriter.Return(writer);
            return JsonSerializer.Deserialize(buffer.WrittenSpan, typeInfo);
        }
        finally
        {
            buffer.Clear();
            if (buffer.Capacity > 64 * 1024)
            {
                // Unusually large arguments do not pin their buffer to the thread.
                t_arguments = null;
            }
        }
    }
}
