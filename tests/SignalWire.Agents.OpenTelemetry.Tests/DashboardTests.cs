using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using SignalWire.Agents.Metrics;

namespace SignalWire.Agents.OpenTelemetry.Tests;

/// <summary>The shipped Grafana dashboard reads only series the SDK's meter produces, under their Prometheus names.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public void Every_series_the_dashboard_queries_is_an_instrument_of_the_meter()
    {
        var dashboard = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "grafana", "signalwire-security.json"));
        var queried = SeriesName().Matches(dashboard).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(queried);
        Assert.Empty(queried.Except(PrometheusSeries(), StringComparer.Ordinal));
    }

    /// <summary>What the OpenTelemetry Prometheus exporter names each instrument's series: dots to underscores, the unit, <c>_total</c> or <c>_bucket</c>.</summary>
    private static HashSet<string> PrometheusSeries()
    {
        var series = new HashSet<string>(StringComparer.Ordinal);
        using var meter = new Meter(AgentMetrics.MeterName);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter != meter)
                {
                    return;
                }

                var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "");
                series.Add(instrument is Counter<long> ? name + "_total" : name + "_bucket");
            },
        };
        listener.Start();
        _ = new AgentMetrics(meter);
        return series;
    }

    [GeneratedRegex("signalwire_agents_[a-z_]+")]
    private static partial Regex SeriesName();
}
