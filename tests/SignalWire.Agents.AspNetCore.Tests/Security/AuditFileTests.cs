using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>The JSON-lines audit file.</summary>
public sealed class AuditFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sw-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Every_event_is_one_json_object_per_line_with_a_utc_timestamp_even_under_concurrency()
    {
        var path = Path.Combine(_dir, "logs", "audit.jsonl");
        var agent = new TestAgent(AgentTestServer.Options().With(o => o.AuditLogPath = path));
        await using (var server = await AgentTestServer.StartAsync(agent))
        {
            using var client = server.CreateClient();
            using var anonymous = server.CreateClient(authenticated: false);
            await client.FetchSwmlAsync("call-1");
            await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
            {
                using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("echo", new() { ["text"] = $"m{i}", ["password"] = "hunter2" }));
            }));
            using var refused = await anonymous.GetAsync("/", TestContext.Current.CancellationToken);
            using var missingToken = await client.PostJsonAsync("/swaig", SwaigRequests.Call("secret_action"));
        }

        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        var events = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(103, events.Count);
        Assert.All(events, e =>
        {
            var timestamp = e["timestamp"]!.GetValue<string>();
            Assert.EndsWith("Z", timestamp, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
            Assert.Equal("test-agent", e["agent"]!.GetValue<string>());
        });
        Assert.Equal(1, events.Count(e => e["event"]!.GetValue<string>() == "call_start"));
        var calls = events.Where(e => e["event"]!.GetValue<string>() == "function_call").ToList();
        Assert.Equal(100, calls.Count);
        Assert.All(calls, c => Assert.Equal("[REDACTED]", c["args"]!["password"]!.GetValue<string>()));
        Assert.Equal(100, calls.Select(c => c["args"]!["text"]!.GetValue<string>()).Distinct().Count());
        Assert.Single(events, e => e["event"]!.GetValue<string>() == "auth_failed" && e["client_ip"]!.GetValue<string>() == "127.0.0.1");
        Assert.Single(events, e => e["event"]!.GetValue<string>() == "token_missing");
        var text = string.Join("\n", lines);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCredentials.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Two_agents_writing_one_file_interleave_whole_lines()
    {
        var path = Path.Combine(_dir, "shared.jsonl");
        await using (var a = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options("a").With(o => o.AuditLogPath = path))))
        await using (var b = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options("b").With(o => o.AuditLogPath = path))))
        {
            using var ca = a.CreateClient();
            using var cb = b.CreateClient();
            await Task.WhenAll(Enumerable.Range(0, 50).SelectMany(i => new[]
            {
                ca.PostJsonAsync("/swaig", SwaigRequests.Call("echo", new() { ["text"] = "a" })),
                cb.PostJsonAsync("/swaig", SwaigRequests.Call("echo", new() { ["text"] = "b" })),
            }));
        }

        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(100, lines.Length);
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.Equal(50, lines.Count(l => l.Contains("\"agent\":\"a\"", StringComparison.Ordinal)));
    }
}
