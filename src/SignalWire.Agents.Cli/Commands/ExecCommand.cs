using SignalWire.Agents.Cli.Hosting;
using SignalWire.Agents.Cli.Loading;
using SignalWire.Agents.Cli.Output;

namespace SignalWire.Agents.Cli.Commands;

/// <summary>
/// <c>--exec NAME</c>: calls a tool through the agent's real pipeline (Basic Auth, signature, a token minted
/// for the fake call when the tool is secure, argument validation, rate limits, the handler) and prints the
/// result the platform would receive. DataMap tools run on the platform, so their resolved request is shown instead.
/// </summary>
internal static class ExecCommand
{
    public static async Task<int> RunAsync(TextWriter output, AgentBase agent, string function, CommandInput input, CancellationToken cancellationToken)
    {
        var known = agent.Tools.TryGet(function, out var tool);
        if (!known && !agent.HasDynamicConfig)
        {
            throw NotFound(agent, function);
        }

        var arguments = ToolArguments.Parse(input.Arguments, input.ArgumentsJson, tool?.WireParameters);
        if (tool?.DataMap is { } dataMap)
        {
            JsonOutput.Write(output, DataMapPreview.Build(function, dataMap, arguments), indented: !input.Raw);
            return 0;
        }

        // A tool added per request (dynamic configuration) is unknown here, so it gets a token too: the agent decides.
        var url = tool is { Secure: false } ? "swaig/" : "swaig/?__token=" + Uri.EscapeDataString(agent.Settings.Tokens.Mint(function, input.Call.CallId));
        var host = await LocalAgentHost.StartAsync(agent, input.LogLevel, cancellationToken).ConfigureAwait(false);
        await using var hostScope = host.ConfigureAwait(false);
        using var response = await AgentResponse.PostJsonAsync(host.Client, url, input.Call.ToolCallBody(function, arguments, tool),
            input.HeaderPairs(), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw NotFound(agent, function);
        }

        var result = await AgentResponse.ReadAsync(response, $"The call to '{function}'", cancellationToken).ConfigureAwait(false);
        JsonOutput.Write(output, result, indented: !input.Raw);
        return 0;
    }

    private static CliException NotFound(AgentBase agent, string function) => new(
        $"Function '{function}' not found in agent '{agent.Name}'. Tools: {(agent.Tools.Count == 0 ? "(none)" : string.Join(", ", agent.Tools.All.Select(t => t.Name)))}.");
}
