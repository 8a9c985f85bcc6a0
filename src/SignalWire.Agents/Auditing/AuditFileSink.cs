using System.Buffers;
using System.Collections.Concurrent;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Auditing;

/// <summary>
/// Appends audit events as JSON lines, one object per line with a UTC <c>timestamp</c>, to a file or to
/// standard output. Writers never block on I/O: lines go through a channel to one background writer per
/// destination, shared by every agent in the process that names it, which writes them in batches (one system
/// call per batch, whole lines only). Disposal drains the queue.
/// </summary>
internal sealed class AuditFileSink : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, AuditFileSink> Open = new(StringComparer.Ordinal);
    private static readonly Lock OpenGate = new();

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    // Lines wait in a lock-free queue; the writer is woken only when it has gone idle, so request threads
    // never contend on a lock to queue a line (a channel's writer takes one per item).
    private readonly ConcurrentQueue<byte[]> _lines = new();
    private readonly SemaphoreSlim _wake = new(0);
    private int _idle;
    private volatile bool _closing;
    private readonly Stream _file;
    private readonly Task _writer;
    private readonly string _path;
    private int _references;

    private AuditFileSink(string key, Stream destination)
    {
        _path = key;
        _file = destination;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Opens (or shares) the sink for <paramref name="path"/>.</summary>
    public static AuditFileSink Acquire(string path) => Acquire(Path.GetFullPath(path), static full =>
    {
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0, FileOptions.Asynchronous);
    });

    /// <summary>Opens (or shares) the sink for standard output (a stream of its own, so closing it leaves the console open).</summary>
    public static AuditFileSink AcquireStandardOutput() => Acquire(AgentSettings.StandardOutput, static _ => Console.OpenStandardOutput());

    private static AuditFileSink Acquire(string key, Func<string, Stream> open)
    {
        lock (OpenGate)
        {
            var sink = Open.GetOrAdd(key, k => new AuditFileSink(k, open(k)));
            sink._references++;
            return sink;
        }
    }

    /// <summary>Queues one event: <c>{"timestamp": ..., "event": name, ...fields}</c>.</summary>
    public void Write(DateTimeOffset timestamp, string eventName, ReadOnlySpan<AuditField> fields)
    {
        // One buffer and writer per thread: the only allocation per event is the finished line itself.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = ThreadWriter.Rent(buffer);

        writer.WriteStartObject();
        writer.WriteString(AuditNames.Timestamp, timestamp.UtcDateTime);
        writer.WriteString(AuditNames.Event, eventName);
        foreach (ref readonly var field in fields)
        {
            field.WriteTo(writer);
        }

        writer.WriteEndObject();
        ThreadWriter.Return(writer);
        buffer.Write("\n"u8);
        _lines.Enqueue(buffer.WrittenSpan.ToArray());
        if (Interlocked.Exchange(ref _idle, 0) == 1)
        {
            _wake.Release();
        }
        if (buffer.Capacity > 64 * 1024)
        {
            // An unusually large event (big arguments) does not pin its buffer to the thread.
            t_buffer = null;
        }
    }

    /// <summary>Releases this reference; the last one drains the queue and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (OpenGate)
        {
            if (--_references > 0)
            {
                return;
            }

            Open.TryRemove(_path, out _);
        }

        _closing = true;
        _wake.Release();
        await _writer.ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
        // _wake is left undisposed on purpose: a request still finishing may queue one last line and release it,
        // which must not throw on the request path (a SemaphoreSlim without a wait handle holds nothing to free).
    }

    /// <summary>How long the writer waits after a write for more lines before it goes idle.</summary>
    private static readonly TimeSpan LingerTime = TimeSpan.FromMilliseconds(2);

    private async Task WriteLoopAsync()
    {
        // Lines are gathered into writes of up to 64 KiB: one system call per batch keeps the writer ahead of
        // the request rate, so the queue (and memory) stays small. A batch always holds whole lines.
        const int BatchSize = 64 * 1024;
        var batch = new byte[BatchSize];
        while (true)
        {
            var used = 0;
            while (_lines.TryDequeue(out var line))
            {
                if (used + line.Length > BatchSize && used > 0)
                {
                    await WriteAsync(batch.AsMemory(0, used)).ConfigureAwait(false);
                    used = 0;
                }

                if (line.Length > BatchSize)
                {
                    await WriteAsync(line).ConfigureAwait(false);
                    continue;
                }

                line.CopyTo(batch, used);
                used += line.Length;
            }

            if (used > 0)
            {
                await WriteAsync(batch.AsMemory(0, used)).ConfigureAwait(false);
                await _file.FlushAsync().ConfigureAwait(false);
            }

            if (_closing && _lines.IsEmpty)
            {
                return;
            }

            if (used > 0 && !_closing)
            {
                // Lines are arriving: gather for a moment rather than go idle, so a busy agent makes a few hundred
                // writes a second and request threads never have to wake this writer (each wake costs a thread-pool
                // hand-off). A line waits at most this long; a line's wait does not hold its request.
                await Task.Delay(LingerTime).ConfigureAwait(false);
                if (!_lines.IsEmpty)
                {
                    continue;
                }
            }

            // Idle: say so, then look once more, so a line queued just before is not left waiting for the next one.
            Volatile.Write(ref _idle, 1);
            if (!_lines.IsEmpty && Interlocked.Exchange(ref _idle, 0) == 1)
            {
                continue;
            }

            await _wake.WaitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A file is written asynchronously. Standard output has no asynchronous write of its own (the stream's
    /// fallback queues a task that blocks a pool thread all the same), so this writer, already off the request
    /// path, writes it directly.
    /// </summary>
    private ValueTask WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        if (_file is FileStream)
        {
            return _file.WriteAsync(bytes);
        }

        _file.Write(bytes.Span);
        return ValueTask.CompletedTask;
    }
}
