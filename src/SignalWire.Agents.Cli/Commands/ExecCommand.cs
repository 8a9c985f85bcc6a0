using SignalWire.Agents.Cli.Hosting;
using SignalWire.Agents.Cli.Loading;
using SignalWire.Agents.Cli.Output;

namespace SignalWire.Agents.Cli.Commands;

/// <summary>
/// <c>--exec NAME</c>: calls a tool through the agent's real pipeline (Basic Auth, signature, a token minted
/// for the fake call when the tool is secure, argument validation, rate limits, the handler) and prints the
/// result the platform would receive. DataMap tools run on the platform, so their resolved request is shown instead,
/// unless <c>--live</c> asks for the real requests (<see cref="DataMapExecution"/>).
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
            var rendered = input.Live
                ? await DataMapExecution.RunAsync(function, dataMap, arguments, Skills.SkillHttp.Create(new Skills.SkillHttpOptions { AllowPrivateNetworks = input.LiveAllowPrivate }),
                    input.Raw && !input.Verbose ? TextWriter.Null : input.Diagnostics, cancellationToken).ConfigureAwait(false)
                : DataMapPreview.Build(function, dataMap, arguments);
            JsonOutput.Write(output, rendered, indented: !input.Raw);
            return 0;
        }

        // A tool added per request (dynamic configuration) is unknown here, so it gets a token too: the agent decides.
        var url = tool is { Secure: false } ? "swaig/" : TokenUrl(agent, function, input);
        var host = await LocalAgentHost.StartAsync(agent, input.LogLevel, cancellationToken, input.Simulation).ConfigureAwait(false);
        await using var hostScope = host.ConfigureAwait(false);
        if (input.VerificationCode is { } code)
        {
            await VerifyAsync(agent, host, code, input, cancellationToken).ConfigureAwait(false);
        }

        using var gates = input.TraceGates();
        using var response = await AgentResponse.PostJsonAsync(host.Client, url, input.Overrides.ApplyTo(input.Call.ToolCallBody(function, arguments, tool)),
            input.HeaderPairs(), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw NotFound(agent, function);
        }

        var result = await AgentResponse.ReadAsync(response, $"The call to '{function}'", cancellationToken).ConfigureAwait(false);
        JsonOutput.Write(output, result, indented: !input.Raw);
        return 0;
    }

    /// <summary>Runs <c>verify_caller</c> with <paramref name="code"/> on the fake call, through the same pipeline; anything but success stops the command.</summary>
    private static async Task VerifyAsync(AgentBase agent, LocalAgentHost host, string code, CommandInput input, CancellationToken cancellationToken)
    {
        if (agent.CallerVerification is null)
        {
            throw new CliException($"--verify: agent '{agent.Name}' has no caller verification (UseCallerVerification).");
        }

        const string Tool = Verification.CallerVerification.ToolName;
        var arguments = new System.Text.Json.Nodes.JsonObject { [Verification.CallerVerification.CodeParameter] = code };
        using var response = await AgentResponse.PostJsonAsync(host.Client, TokenUrl(agent, Tool, input), input.Call.ToolCallBody(Tool, arguments, null),
            input.HeaderPairs(), cancellationToken).ConfigureAwait(false);
        var result = await AgentResponse.ReadAsync(response, "The call to 'verify_caller'", cancellationToken).ConfigureAwait(false);
        if (result["response"]?.GetValue<string>() is not (Pipeline.AgentPipeline.CallerVerifiedResponse or Pipeline.AgentPipeline.AlreadyVerifiedResponse))
        {
            throw new CliException($"--verify: the caller was not verified: {result["response"]}");
        }
    }

    private static string TokenUrl(AgentBase agent, string function, CommandInput input) =>
        "swaig/?__token=" + Uri.EscapeDataString(agent.Settings.Tokens.Mint(function, input.Call.CallId));

    private static CliException NotFound(AgentBase agent, string function) => new(
        $"Function '{function}' not found in agent '{agent.Name}'. Tools: {(agent.Tools.Count == 0 ? "(none)" : string.Join(", ", agent.Tools.All.Select(t => t.Name)))}.");
}
