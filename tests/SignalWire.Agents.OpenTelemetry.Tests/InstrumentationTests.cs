using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SignalWire.Agents.Telemetry;

namespace SignalWire.Agents.OpenTelemetry.Tests;

/// <summary>The SDK's traces and metrics through a real OpenTelemetry pipeline (in-memory exporters), over real HTTP.</summary>
public sealed class InstrumentationTests : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private AgentTestServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options("traced")), builder => builder.Services.AddOpenTelemetry()
            // ASP.NET Core's own request span (what AddAspNetCoreInstrumentation records) is the parent, as in production.
            .WithTracing(tracing => tracing.AddSource("Microsoft.AspNetCore").AddSignalWireInstrumentation().AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddSignalWireInstrumentation().AddInMemoryExporter(_metrics)));
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_secure_tool_call_is_one_span_with_a_child_per_gate_in_order()
    {
        var url = (await _client.FetchSwmlAsync("call-42")).FunctionUrl("secret_action");
        _spans.Clear();

        using var response = await _client.PostJsonAsync(HttpTestExtensions.PathAndQuery(url), SwaigRequests.Call("secret_action", callId: "call-42"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(Spans(), s => s.OperationName == "signalwire.tool_call");
        Assert.Equal(
            [("traced", "secret_action", "call-42", "success")],
            [((string?)call.GetTagItem(AgentTracing.AgentAttribute), (string?)call.GetTagItem(AgentTracing.FunctionAttribute), (string?)call.GetTagItem(AgentTracing.CallIdAttribute), (string?)call.GetTagItem(AgentTracing.OutcomeAttribute))]);
        Assert.Equal(
            ["signalwire.gate.token pass", "signalwire.gate.validation pass", "signalwire.handler pass", "signalwire.gate.destinations pass"],
            Spans().Where(s => s.ParentSpanId == call.SpanId).OrderBy(s => s.StartTimeUtc).Select(s => $"{s.OperationName} {s.GetTagItem(AgentTracing.DecisionAttribute)}"));
        Assert.Contains(Spans(), s => s.OperationName == "signalwire.gate.admission" && (string?)s.GetTagItem(AgentTracing.DecisionAttribute) == AgentTracing.Pass);
    }

    [Fact]
    public async Task A_refused_token_stops_at_its_gate_and_no_attribute_carries_a_secret()
    {
        _spans.Clear();

        using var response = await _client.PostJsonAsync("/swaig?__token=forged.token.value", SwaigRequests.Call("secret_action", callId: "call-43"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var call = Assert.Single(Spans(), s => s.OperationName == "signalwire.tool_call");
        Assert.Equal("refused", call.GetTagItem(AgentTracing.OutcomeAttribute));
        Assert.Equal(["signalwire.gate.token refused"], Spans().Where(s => s.ParentSpanId == call.SpanId).Select(s => $"{s.OperationName} {s.GetTagItem(AgentTracing.DecisionAttribute)}"));
        var attributes = string.Join(" ", Spans().SelectMany(s => s.TagObjects).Select(t => $"{t.Key}={t.Value}"));
        Assert.DoesNotContain("forged", attributes, StringComparison.Ordinal);
        Assert.DoesNotContain("+1415", attributes, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCredentials.Password, attributes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_handler_marks_its_span_and_the_call_as_errors()
    {
        _spans.Clear();

        using var response = await _client.PostJsonAsync("/swaig", SwaigRequests.Call("explode", callId: "call-44"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(Spans(), s => s.OperationName == "signalwire.tool_call");
        var handler = Assert.Single(Spans(), s => s.OperationName == "signalwire.handler");
        Assert.Equal((ActivityStatusCode.Error, ActivityStatusCode.Error, "failed"), (call.Status, handler.Status, (string?)handler.GetTagItem(AgentTracing.DecisionAttribute)));
        Assert.DoesNotContain("hunter2", string.Join(" ", Spans().Select(s => s.StatusDescription)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_are_counted_by_the_metrics_the_dashboard_reads()
    {
        using var anonymous = _server.CreateClient(authenticated: false);
        using (var refused = await anonymous.PostJsonAsync("/", SwaigRequests.SwmlFetch()))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        _server.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var failures = _metrics.Where(m => m.Name == "signalwire.agents.auth.failures").SelectMany(Points).Sum();
        Assert.Equal(1, failures);
        Assert.Contains(Spans(), s => s.OperationName == "signalwire.gate.admission" && (string?)s.GetTagItem(AgentTracing.DecisionAttribute) == "unauthorized");
    }

    private List<Activity> Spans()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    private static List<long> Points(Metric metric)
    {
        var sums = new List<long>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            sums.Add(point.GetSumLong());
        }

        return sums;
    }
}
