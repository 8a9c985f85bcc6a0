using System.Buffers;
using System.Text.Json;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Swml;

/// <summary>
/// Serves a SWML document without an AI (IVRs, call routing, queues) with everything an agent gets:
/// Basic Auth, signature checks, rate limits, HTTPS or a proxy base, the audit log, the same options and
/// environment variables. Host it with <c>service.Run()</c> or <c>app.MapSwmlService(service)</c>.
/// </summary>
public class SwmlService
{
    private readonly Lock _gate = new();
    private SwmlRequestHandler[] _handlers = [];

    /// <summary>Creates a service serving <paramref name="document"/> (or an empty one to fill through <see cref="Document"/>).</summary>
    public SwmlService(AgentOptions options, SwmlDocument? document = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Document = document ?? new SwmlDocument();
        Host = new AgentBase(options);
    }

    /// <summary>The options the service was created with.</summary>
    public AgentOptions Options { get; }

    /// <summary>The service's name.</summary>
    public string Name => Options.Name;

    /// <summary>The resolved configuration (options, environment, defaults), fixed on first use.</summary>
    /// <exception cref="AgentConfigurationException">The configuration is unusable.</exception>
    public AgentSettings Settings => Host.Settings;

    /// <summary>Whether <see cref="Settings"/> has been resolved (after which changes to <see cref="Options"/> no longer apply).</summary>
    public bool SettingsResolved => Host.SettingsResolved;

    /// <summary>The document served. Changes are seen by later requests; make them under <see cref="Edit"/> once serving.</summary>
    public SwmlDocument Document { get; }

    /// <summary>The agent-shaped carrier of the service's settings through the security pipeline (no prompt, no tools).</summary>
    internal AgentBase Host { get; }

    /// <summary>Whether per-request handlers are registered.</summary>
    public bool HasRequestHandlers => Volatile.Read(ref _handlers).Length > 0;

    /// <summary>Changes the served document safely while requests are being answered.</summary>
    public SwmlService Edit(Action<SwmlDocument> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            change(Document);
        }

        return this;
    }

    /// <summary>Adds a handler that customises a private copy of the document for each request (query, body and headers are given).</summary>
    public SwmlService OnRequest(SwmlRequestHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        return this;
    }

    /// <summary>Renders the document for one request: the shared document, or a copy the handlers changed.</summary>
    public async ValueTask RenderAsync(AgentRequest request, IBufferWriter<byte> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var handlers = Volatile.Read(ref _handlers);
        SwmlDocument document;
        lock (_gate)
        {
            if (handlers.Length == 0)
            {
                Write(Document, output);
                return;
            }

            document = Document.Clone();
        }

        foreach (var handler in handlers)
        {
            await handler(request, document, cancellationToken).ConfigureAwait(false);
        }

        Write(document, output);
    }

    private static void Write(SwmlDocument document, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, SwmlJson.WriterOptions);
        document.WriteTo(writer);
    }
}
