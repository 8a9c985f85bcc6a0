using SignalWire.Agents.Cli.Hosting;
using SignalWire.Agents.Cli.Output;

namespace SignalWire.Agents.Cli.Commands;

/// <summary>
/// <c>--dump-swml</c>: fetches the agent's SWML through its real pipeline, as the platform would at the start
/// of a call (the fake call's body, or <c>--body</c>; <c>--query</c> and <c>--header</c> reach per-request configuration).
/// </summary>
internal static class DumpSwmlCommand
{
    public static async Task<int> RunAsync(TextWriter output, AgentBase agent, CommandInput input, CancellationToken cancellationToken)
    {
        var body = input.Overrides.ApplyTo(input.Body is null ? input.Call.SwmlFetchBody() : CliText.ParseObject("--body", input.Body));
        var query = string.Join('&', input.Query.Select(q => CliText.Pair("--query", q))
            .Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value)));
        var host = await LocalAgentHost.StartAsync(agent, input.LogLevel, cancellationToken, input.Simulation).ConfigureAwait(false);
        await using var hostScope = host.ConfigureAwait(false);
        using var gates = input.TraceGates();
        using var response = await AgentResponse.PostJsonAsync(host.Client, query.Length == 0 ? string.Empty : "?" + query, body,
            input.HeaderPairs(), cancellationToken).ConfigureAwait(false);
        var swml = await AgentResponse.ReadAsync(response, "The SWML fetch", cancellationToken).ConfigureAwait(false);
        if (!input.Raw)
        {
            output.WriteLine($"# SWML of agent '{agent.Name}' for call {input.Call.CallId}");
            if (input.Simulation is { } simulation)
            {
                output.WriteLine($"# as served on {simulation.Name}: https://{simulation.PublicHost}{simulation.PathPrefix}{agent.Settings.Route}/");
            }

        }

        JsonOutput.Write(output, swml, indented: !input.Raw);
        return 0;
    }
}
