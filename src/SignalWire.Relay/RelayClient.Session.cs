using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace SignalWire.Relay;

/// <summary>The session: connecting, the handshake, resuming after a drop, pings.</summary>
public sealed partial class RelayClient
{
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RelayConnection? _connection;
    private string? _authorizationState;
    private bool _restart;

    /// <summary>Opens the socket and sets the session up once (use <see cref="RunAsync"/> to stay connected).</summary>
    /// <exception cref="RelayException">The server refused the credentials (<c>Code</c> its error code) or could not be reached.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        RelayConnection? connection = null;
        try
        {
            connection = await RelayConnection.OpenAsync(Address, OnServerRequestAsync, cancellationToken).ConfigureAwait(false);
            var resumed = !_restart && Protocol is not null;
            var result = await connection.RequestAsync("signalwire.connect", Handshake(resumed), _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
            Protocol = result["protocol"] is JsonValue protocol ? protocol.GetValue<string>() : Protocol;
            _restart = false;
            _connection = connection;
            _ready.TrySetResult();
            RelayLog.Connected(_logger, Address.Host, Protocol ?? "(none)", resumed ? "resumed" : "new session");
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or RelayException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            RelayLog.ConnectFailed(_logger, Address.Host, ex is RelayException relay ? relay.Message : ex.GetType().Name);
            throw ex as RelayException ?? new RelayException($"Could not connect to {Address.Host}.", "unreachable", ex);
        }
    }

    /// <summary>
    /// Stays connected until <paramref name="cancellationToken"/> is cancelled or the client is disposed: reconnects a
    /// lost socket with backoff (<see cref="RelayOptions.ReconnectDelay"/> doubling to <see cref="RelayOptions.MaxReconnectDelay"/>)
    /// and resumes the session. Refused credentials three times in a row before any success stop it.
    /// </summary>
    /// <exception cref="RelayException">The credentials were refused three times before the first success.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var delay = _options.ReconnectDelay;
        var refused = 0;
        var everConnected = false;
        while (!run.IsCancellationRequested)
        {
            try
            {
                await ConnectAsync(run.Token).ConfigureAwait(false);
                everConnected = true;
                refused = 0;
                delay = _options.ReconnectDelay;
                await StayConnectedAsync(_connection!, run.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.IsCancellationRequested)
            {
                break;
            }
            catch (RelayException ex) when (ex.Code is not ("unreachable" or "timeout" or "closed"))
            {
                if (!everConnected && ++refused >= 3)
                {
                    throw;
                }
            }
            catch (RelayException)
            {
                // Unreachable or dropped: try again after the delay.
            }

            if (run.IsCancellationRequested)
            {
                break;
            }

            _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            RelayLog.Reconnecting(_logger, Address.Host, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, run.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
        }
    }

    private async Task StayConnectedAsync(RelayConnection connection, CancellationToken cancellationToken)
    {
        var failedPings = 0;
        while (!connection.Closed.IsCompleted)
        {
            var closed = await Task.WhenAny(connection.Closed, Task.Delay(_options.PingInterval, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (closed == connection.Closed)
            {
                break;
            }

            try
            {
                await connection.RequestAsync("signalwire.ping", [], _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
                failedPings = 0;
            }
            catch (RelayException) when (++failedPings < 3)
            {
                // A missed ping; three in a row drop the socket.
            }
            catch (RelayException)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }

        _connection = null;
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<RelayConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _ready.Task.WaitAsync(_options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new RelayException("Not connected to RELAY (is RunAsync or ConnectAsync running?).", "closed", ex);
        }

        return _connection ?? throw new RelayException("The RELAY connection was lost.", "closed");
    }

    private JsonObject Handshake(bool resume)
    {
        var parameters = new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 2, ["minor"] = 0, ["revision"] = 0 },
            ["agent"] = _options.Agent,
            ["event_acks"] = true,
            ["authentication"] = string.IsNullOrEmpty(_options.JwtToken)
                ? new JsonObject { ["project"] = _options.ProjectId, ["token"] = _options.ApiToken }
                : new JsonObject { ["jwt_token"] = _options.JwtToken },
        };
        if (_options.Contexts.Count > 0)
        {
            parameters["contexts"] = new JsonArray([.. _options.Contexts.Select(c => (JsonNode)c)]);
        }

        if (resume)
        {
            parameters["protocol"] = Protocol;
            if (_authorizationState is not null)
            {
                parameters["authorization_state"] = _authorizationState;
            }
        }

        return parameters;
    }
}
