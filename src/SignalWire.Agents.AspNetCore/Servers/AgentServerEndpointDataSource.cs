using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace SignalWire.Agents.AspNetCore.Servers;

/// <summary>
/// The endpoints of an <see cref="AgentServer"/>'s agents, changing while the application runs: each change swaps
/// the whole list and fires the change token, and ASP.NET Core's routing rebuilds its matcher from the new list.
/// </summary>
internal sealed class AgentServerEndpointDataSource : Microsoft.AspNetCore.Routing.EndpointDataSource, IDisposable
{
    private readonly Lock _gate = new();
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();
    private bool _disposed;

    public override IReadOnlyList<Endpoint> Endpoints => Volatile.Read(ref _endpoints);

    public override IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Publishes <paramref name="endpoints"/> and tells routing.</summary>
    public void Replace(IReadOnlyList<Endpoint> endpoints)
    {
        CancellationTokenSource previous;
        lock (_gate)
        {
            Volatile.Write(ref _endpoints, endpoints);
            if (_disposed)
            {
                // The application has stopped: nothing routes any more.
                return;
            }

            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _changed.Dispose();
        }
    }
}
