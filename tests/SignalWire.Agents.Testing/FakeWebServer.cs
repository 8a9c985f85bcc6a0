using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.Testing;

/// <summary>
/// A stand-in for a remote web API: real Kestrel on 127.0.0.1 (a free port) serving the endpoints a test maps, and
/// recording every request it receives (method, path, query, headers, body) for the test to assert on.
/// </summary>
public sealed class FakeWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests;

    private FakeWebServer(WebApplication app, ConcurrentQueue<RecordedRequest> requests, Uri baseAddress)
    {
        _app = app;
        _requests = requests;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server whose endpoints <paramref name="map"/> adds (minimal APIs).</summary>
    public static async Task<FakeWebServer> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var requests = new ConcurrentQueue<RecordedRequest>();
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
            requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        return new FakeWebServer(app, requests, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    /// <summary>An absolute address on this server.</summary>
    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery.TrimStart('/'));

    /// <summary>The requests to <paramref name="path"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. _requests.Where(r => r.Path == path)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
