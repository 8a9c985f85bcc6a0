using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace SignalWire.Agents.Testing;

/// <summary>
/// A real <c>redis-server</c> on 127.0.0.1 and a free port, with persistence off, started for a test and
/// stopped afterwards. <see cref="StopAsync"/> and <see cref="StartAsync()"/> simulate an outage and the
/// recovery (same port). Without <c>redis-server</c> on the PATH the test is skipped, or fails under CI.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port)
    {
        Port = port;
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>A <c>redis://</c> URL for the server.</summary>
    public string Url => $"redis://127.0.0.1:{Port}";

    /// <summary>Starts a server on a free port.</summary>
    public static async Task<RedisServer> StartNewAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartAsync();
        return server;
    }

    /// <summary>(Re)starts the server on its port and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var executable = Installed.Value;
        if (executable is null)
        {
            Assert.Fail("redis-server is not installed and could not be installed here (not root, or apt-get failed): run `apt-get install redis-server` once, or `bash .ci/run`, which installs it.");
        }

        _process = Process.Start(new ProcessStartInfo(executable, ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
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

        throw new InvalidOperationException($"redis-server did not start on port {Port}.");
    }

    /// <summary>Kills the server (an outage).</summary>
    public async Task StopAsync()
    {
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

    /// <summary>The redis-server executable; on a machine without it, installed once with apt-get when this process may.</summary>
    private static readonly Lazy<string?> Installed = new(() => Find() ?? (TryInstall() ? Find() : null), LazyThreadSafetyMode.ExecutionAndPublication);

    private static bool TryInstall()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess || Find("apt-get") is not { } aptGet)
        {
            return false;
        }

        foreach (var arguments in new[] { new[] { "update", "-qq" }, ["install", "-y", "-qq", "redis-server"] })
        {
            var start = new ProcessStartInfo(aptGet, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var apt = Process.Start(start)!;
            apt.OutputDataReceived += static (_, _) => { };
            apt.ErrorDataReceived += static (_, _) => { };
            apt.BeginOutputReadLine();
            apt.BeginErrorReadLine();
            if (!apt.WaitForExit(TimeSpan.FromMinutes(5)) || apt.ExitCode != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string? Find(string name = "redis-server") =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
