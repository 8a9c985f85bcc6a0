using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace SignalWire.Agents.Testing;

/// <summary>
/// A Redis server on 127.0.0.1 and a free port, with persistence off, started for a test and stopped afterwards:
/// the real <c>redis-server</c> when it is on the PATH, else Garnet, a
/// Redis-compatible server run inside the test process (Lua scripting on), so <c>dotnet test</c> needs nothing
/// but the .NET SDK. <c>SIGNALWIRE_TEST_REDIS=garnet</c> or <c>=redis-server</c> chooses; CI sets <c>redis-server</c>.
/// <see cref="StopAsync"/> and <see cref="StartAsync()"/> simulate an outage and the recovery (same port).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string ChoiceVariable = "SIGNALWIRE_TEST_REDIS";

    private Process? _process;
    private Garnet.GarnetServer? _inProcess;

    private readonly bool _useGarnet;

    private RedisServer(int port, bool useGarnet)
    {
        Port = port;
        _useGarnet = useGarnet;
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>A <c>redis://</c> URL for the server.</summary>
    public string Url => $"redis://127.0.0.1:{Port}";

    /// <summary>Starts a server on a free port: in process when <paramref name="inProcess"/> is set, else as <see cref="Kind"/> says.</summary>
    public static async Task<RedisServer> StartNewAsync(bool inProcess = false)
    {
        var server = new RedisServer(FreePort(), inProcess || UseGarnet);
        await server.StartAsync();
        return server;
    }

    /// <summary>Which server this run uses: <c>redis-server</c> or <c>garnet</c>.</summary>
    public static string Kind => UseGarnet ? "garnet" : "redis-server";

    private static bool UseGarnet => Environment.GetEnvironmentVariable(ChoiceVariable) switch
    {
        "garnet" => true,
        "redis-server" => false,
        _ => Installed.Value is null,
    };

    /// <summary>(Re)starts the server on its port and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (_useGarnet)
        {
            _inProcess = new Garnet.GarnetServer(["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lua", "true"], Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            _inProcess.Start();
            await WaitForPortAsync("garnet");
            return;
        }

        var executable = Installed.Value;
        if (executable is null)
        {
            Assert.Fail($"{ChoiceVariable}=redis-server, but redis-server is not on the PATH: install it (apt-get install redis-server), or leave {ChoiceVariable} unset to use the in-process server.");
        }

        _process = Process.Start(new ProcessStartInfo(executable, ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        await WaitForPortAsync("redis-server");
    }

    private async Task WaitForPortAsync(string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException($"{what} did not start on port {Port}.");
    }

    /// <summary>Kills the server (an outage).</summary>
    public async Task StopAsync()
    {
        if (_inProcess is { } garnet)
        {
            // An outage: the server and its connections go away, and the port is free for a restart.
            garnet.Dispose();
            _inProcess = null;
            return;
        }

        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The redis-server executable on the PATH, or <see langword="null"/>.</summary>
    private static readonly Lazy<string?> Installed = new(() => Find(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static string? Find(string name = "redis-server") =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
