using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SignalWire.Agents.AspNetCore.Health;
using SignalWire.Agents.AspNetCore.Hosting;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

public sealed partial class StartupTests
{
    [Fact]
    public void The_banner_prints_generated_credentials_once()
    {
        var agent = new AgentBase(new AgentOptions { Name = "bank", SwaigSecret = "s" });
        using var output = new StringWriter();

        StartupBanner.Write(output, agent, ["http://0.0.0.0:3000", "http://[::]:3000"]);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("URL: http://localhost:3000/", lines);
        Assert.Contains("Username: signalwire", lines);
        Assert.Contains($"Password: {agent.Settings.BasicAuth.Password}", lines);
    }

    [Fact]
    public void The_banner_never_prints_a_configured_password()
    {
        var agent = new AgentBase(new AgentOptions { Name = "bank", Route = "/bank", BasicAuthUser = "ops", BasicAuthPassword = "configured-secret", ProxyUrlBase = new Uri("https://agents.example.com") });
        using var output = new StringWriter();

        StartupBanner.Write(output, agent, ["http://0.0.0.0:3000"]);

        var text = output.ToString();
        Assert.Contains("URL: https://agents.example.com/bank/", text, StringComparison.Ordinal);
        Assert.Contains("Username: ops", text, StringComparison.Ordinal);
        Assert.DoesNotContain("configured-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_turns_unhealthy_when_shutdown_starts()
    {
        var lifetime = new StoppableLifetime();
        var check = new AgentReadinessCheck(lifetime);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
        await lifetime.StoppingSource.CancelAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
    }

    /// <summary>The README's run command, as a real process: it prints the URL and credentials, and they work.</summary>
    [Fact]
    public async Task The_example_runs_as_a_process_and_prints_working_credentials()
    {
        // The example as the README's command builds it: its own output folder, with its own dependencies.
        var dll = ExampleOutput();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["PORT"] = "0",
                ["SWML_BASIC_AUTH_USER"] = null,
                ["SWML_BASIC_AUTH_PASSWORD"] = null,
                ["SWML_PROXY_URL_BASE"] = null,
                ["SWML_SSL_ENABLED"] = null,
                ["SWML_AUDIT_LOG_PATH"] = null,
            },
        };
        using var process = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            string? password = null;
            string? url = null;
            while (password is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                url ??= UrlLine().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
                password = line.StartsWith("Password: ", StringComparison.Ordinal) ? line["Password: ".Length..] : null;
            }

            Assert.True(url is not null && password is not null, "banner missing:\n" + string.Join("\n", lines));
            Assert.Contains("Username: signalwire", lines);
            Assert.Matches("^[A-Za-z0-9_-]{32,}$", password);

            using var client = new HttpClient { BaseAddress = new Uri(url.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)) };
            using var anonymous = await client.GetAsync("/", TestContext.Current.CancellationToken);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("signalwire:" + password)));
            using var swml = await client.GetAsync("/", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.OK, swml.StatusCode);
            Assert.Contains("transfer_funds", await swml.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

            // By default the audit trail is JSON lines on standard output, written by its own batched sink; the
            // console logger does not repeat it.
            using var fetch = await client.PostAsync("/", new StringContent("""{"call":{"call_id":"proc-call-1","from":"+15550001111"}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, fetch.StatusCode);
            var events = new Dictionary<string, JsonObject>();
            while (events.Count < 2 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith('{') && JsonNode.Parse(line) is JsonObject json && json["event"]?.GetValue<string>() is "auth_failed" or "call_start")
                {
                    events[json["event"]!.GetValue<string>()] = json;
                }
            }

            Assert.Equal("proc-call-1", events["call_start"]["call_id"]!.GetValue<string>());
            Assert.Equal("+15550001111", events["call_start"]["from"]!.GetValue<string>());
            Assert.Equal("GET", events["auth_failed"]["method"]!.GetValue<string>());
            Assert.DoesNotContain(lines, l => l.Contains("SignalWire.Agents.Audit", StringComparison.Ordinal));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static string ExampleOutput() => RepositoryPaths.BuildOutput(Path.Combine("examples", "SecureAgent"), "SecureAgent");

    [GeneratedRegex(@"^URL: (http://localhost:\d+)/$")]
    private static partial Regex UrlLine();

    private sealed class StoppableLifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource StoppingSource { get; } = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => StoppingSource.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => StoppingSource.Cancel();
    }
}
