using System.Net.Sockets;
using System.Text;

namespace SignalWire.Agents.Testing;

/// <summary>A parsed HTTP/1.1 response read off a raw socket.</summary>
/// <param name="Status">The status code, or 0 when the server closed the connection without answering.</param>
/// <param name="Headers">Header lines as sent ("Name: value").</param>
/// <param name="Body">The body as text.</param>
public sealed record RawResponse(int Status, IReadOnlyList<string> Headers, string Body)
{
    /// <summary>The value of the first header called <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers
        .Where(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
        .Select(h => h[(name.Length + 1)..].Trim())
        .FirstOrDefault();
}

/// <summary>
/// Sends bytes over a plain TCP connection to a loopback server, for requests no HTTP client would send
/// (bad chunking, conflicting lengths, odd methods, bodies that stop half way or trickle in).
/// </summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> as written, then reads one response.</summary>
    /// <param name="server">The server's base address (loopback).</param>
    /// <param name="request">The request bytes, CRLFs included.</param>
    /// <param name="halfClose">Shut the sending side after the request (an unterminated body).</param>
    /// <param name="timeout">How long to wait for the response.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <param name="headOnly">The request is a HEAD: the response has no body, whatever its Content-Length says.</param>
    public static async Task<RawResponse> SendAsync(Uri server, byte[] request, bool halfClose = false, TimeSpan? timeout = null, bool headOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(request);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await stream.WriteAsync(request, deadline.Token);
            if (halfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }

            return await ReadResponseAsync(stream, headOnly, deadline.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            // The server closed the connection (reset) without a response.
            return new RawResponse(0, [], string.Empty);
        }
    }

    /// <summary>Sends the head, then the body one chunk every <paramref name="interval"/> (a slow client), and reads the response.</summary>
    public static async Task<RawResponse> TrickleAsync(Uri server, string head, byte[] body, int chunkSize, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(body);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        var read = ReadResponseAsync(stream, headOnly: false, cancellationToken);
        try
        {
            for (var offset = 0; offset < body.Length && !read.IsCompleted; offset += chunkSize)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset)), cancellationToken);
                await Task.WhenAny(read, Task.Delay(interval, cancellationToken));
            }
        }
        catch (IOException)
        {
            // The server gave up on the body and closed the connection; its answer is read below.
        }

        try
        {
            return await read.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (IOException)
        {
            return new RawResponse(0, [], string.Empty);
        }
    }

    /// <summary>Text request bytes (the head and body written as given).</summary>
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<RawResponse> ReadResponseAsync(Stream stream, bool headOnly, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken);
            if (n == 0)
            {
                return new RawResponse(0, [], Encoding.UTF8.GetString(buffer.ToArray()));
            }

            buffer.Write(chunk, 0, n);
        }

        var all = buffer.ToArray();
        var lines = Encoding.ASCII.GetString(all, 0, headEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        if (status is >= 100 and < 200 and not 101)
        {
            // An interim response (100 Continue): the final one follows.
            var rest = new MemoryStream();
            rest.Write(all, headEnd + 4, all.Length - headEnd - 4);
            return await ReadResponseAsync(new ConcatStream(rest.ToArray(), stream), headOnly, cancellationToken);
        }

        var headers = lines.Skip(1).ToList();
        var length = headers.Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).First();
        if (headOnly)
        {
            length = 0;
        }

        var body = new MemoryStream();
        body.Write(all, headEnd + 4, all.Length - headEnd - 4);
        while (body.Length < length)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken);
            if (n == 0)
            {
                break;
            }

            body.Write(chunk, 0, n);
        }

        return new RawResponse(status, headers, Encoding.UTF8.GetString(body.ToArray(), 0, (int)Math.Min(body.Length, length)));
    }

    private static int IndexOfHeadEnd(MemoryStream buffer) =>
        buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("\r\n\r\n"u8);

    /// <summary>Bytes already read, then the rest of the connection.</summary>
    private sealed class ConcatStream(byte[] prefix, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsMemory(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }

            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
