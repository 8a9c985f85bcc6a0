using System.Buffers;
using System.Text.Json;

namespace SignalWire.Agents.Json;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread, with the wire options, lent for one write at a time: hot paths
/// (documents, tool results, audit lines, typed arguments) allocate no writer per request. A write that starts
/// while the thread's writer is lent (re-entrancy) gets a writer of its own.
/// </summary>
internal static class ThreadWriter
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>This thread's writer, pointed at <paramref name="output"/>; give it back with <see cref="Return"/>.</summary>
    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = t_writer;
        if (writer is null)
        {
            return new Utf8JsonWriter(output, SwmlJson.WriterOptions);
        }

        t_writer = null;
        writer.Reset(output);
        return writer;
    }

    /// <summary>Flushes <paramref name="writer"/> into its output, lets go of that output, and keeps the writer for this thread's next write.</summary>
    public static void Return(Utf8JsonWriter writer)
    {
        writer.Flush();
        writer.Reset(NoOutput.Instance);
        t_writer = writer;
    }

    /// <summary>Where a kept writer points between writes: nothing may be written there.</summary>
    private sealed class NoOutput : IBufferWriter<byte>
    {
        public static readonly NoOutput Instance = new();

        public void Advance(int count) => throw new InvalidOperationException("Nothing may be written between writes.");

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("Nothing may be written between writes.");

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("Nothing may be written between writes.");
    }
}
