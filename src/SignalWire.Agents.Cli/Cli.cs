using System.CommandLine;
using SignalWire.Agents.Cli.Audit;
using SignalWire.Agents.Cli.Commands;
using SignalWire.Agents.Cli.Hosting;
using SignalWire.Agents.Cli.Loading;

namespace SignalWire.Agents.Cli;

/// <summary>
/// The <c>swaig-test</c> command line: <c>swaig-test PATH [--list-agents | --list-tools | --dump-swml | --exec NAME | --audit]</c>
/// and <c>swaig-test audit PATH</c>. Exit codes: 0 success, 1 failure (agent, tool or file not found, a refused
/// request, an audit with a FAIL), 2 invalid command line.
/// </summary>
internal static class Cli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private static readonly Argument<string> PathArgument = new("agent-path") { Description = "Agent project directory, .csproj (built first) or built .dll", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<bool> ListSkillsOption = new("--list-skills") { Description = "List the skills AddSkill can find (built-in, and [Skill] classes of agent-path when given), with their parameters" };
    private static readonly Option<string?> AgentOption = new("--agent") { Description = "Which agent, when the assembly has several (type or factory name)" };
    private static readonly Option<string?> RouteOption = new("--route") { Description = "Which agent of an agent server ([AgentFactory] returning an AgentServer), by its route", HelpName = "ROUTE" };
    private static readonly Option<string> ConfigurationOption = new("--configuration", "-c") { Description = "Build configuration for projects", DefaultValueFactory = _ => "Debug" };
    private static readonly Option<bool> ListAgentsOption = new("--list-agents") { Description = "List the agents the assembly can create" };
    private static readonly Option<bool> ListToolsOption = new("--list-tools") { Description = "List the agent's tools (the default)" };
    private static readonly Option<bool> DumpSwmlOption = new("--dump-swml") { Description = "Print the SWML the agent serves for a fake call" };
    private static readonly Option<string?> ExecOption = new("--exec") { Description = "Call a tool through the agent's real pipeline and print its result", HelpName = "NAME" };
    private static readonly Option<bool> AuditOption = new("--audit") { Description = "Run the production hardening audit (same as the audit command)" };
    private static readonly Option<string[]> ArgOption = new("--arg") { Description = "A tool argument, typed by the tool's schema (repeatable)", HelpName = "NAME=VALUE", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> ArgsJsonOption = new("--args-json") { Description = "All tool arguments as one JSON object", HelpName = "JSON" };
    private static readonly Option<string?> VerifyOption = new("--verify") { Description = "Before --exec, verify the fake caller with this code through verify_caller (agents with caller verification)", HelpName = "CODE" };
    private static readonly Option<string?> CallIdOption = new("--call-id") { Description = "The fake call's id (default: a new GUID)" };
    private static readonly Option<string> CallTypeOption = CreateChoice("--call-type", "The fake call's type", "webrtc", "sip");
    private static readonly Option<string> CallDirectionOption = CreateChoice("--call-direction", "The fake call's direction", "inbound", "outbound");
    private static readonly Option<string> CallStateOption = new("--call-state") { Description = "The fake call's state", DefaultValueFactory = _ => "created" };
    private static readonly Option<string> FromNumberOption = new("--from-number") { Description = "The caller's number", DefaultValueFactory = _ => "+14155550100" };
    private static readonly Option<string> ToExtensionOption = new("--to-extension") { Description = "The number or extension called", DefaultValueFactory = _ => "agent" };
    private static readonly Option<string[]> HeaderOption = new("--header") { Description = "An HTTP header sent with the request (repeatable)", HelpName = "NAME=VALUE", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> QueryOption = new("--query") { Description = "A query parameter of the SWML fetch (repeatable)", HelpName = "NAME=VALUE", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> BodyOption = new("--body") { Description = "The whole SWML-fetch body as JSON, instead of the fake call's", HelpName = "JSON" };
    private static readonly Option<bool> RawOption = new("--raw") { Description = "Machine output only: compact JSON, no agent log" };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Audit findings as JSON" };
    private static readonly Option<string[]> EnvOption = new("--env") { Description = "An environment variable for this run (repeatable; restored afterwards)", HelpName = "NAME=VALUE", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> EnvFileOption = new("--env-file") { Description = "A file of NAME=VALUE lines (# comments, optional export and quotes) for this run (repeatable; --env wins)", HelpName = "PATH", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Show each pipeline gate's decision and the agent's log (debug level) on standard error" };
    private static readonly Option<string?> SimulateOption = CreateOptionalChoice("--simulate-serverless", "Serve the agent as deploy/ deploys it on that platform: its environment, its front end's headers, Azure's /api", ServerlessSimulation.Platforms);
    private static readonly Option<bool> LiveOption = new("--live") { Description = "With --exec on a DataMap tool: make its webhook requests for real (public addresses only, time-outs, size cap) and render the result" };
    private static readonly Option<bool> LiveAllowPrivateOption = new("--live-allow-private") { Description = "With --live: let webhooks reach loopback and private networks (a service on this machine)" };
    private static readonly Option<string?> UserVarsOption = new("--user-vars") { Description = "The fake call's user variables (vars.userVariables of the SWML fetch) as a JSON object", HelpName = "JSON" };
    private static readonly Option<string[]> OverrideOption = new("--override") { Description = "Set a field of the request body by dotted path, as a string (repeatable): call.state=answered", HelpName = "PATH=VALUE", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> OverrideJsonOption = new("--override-json") { Description = "Set a field of the request body by dotted path, as JSON (repeatable): global_data={\"tier\":\"gold\"}", HelpName = "PATH=JSON", Arity = ArgumentArity.ZeroOrMore };

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Exercise a SignalWire agent without a phone call: list its tools, print its SWML, call a tool, audit its hardening.");
        root.Arguments.Add(PathArgument);
        foreach (var option in new Option[]
        {
            AgentOption, RouteOption, ConfigurationOption, ListAgentsOption, ListSkillsOption, ListToolsOption, DumpSwmlOption, ExecOption, AuditOption,
            ArgOption, ArgsJsonOption, VerifyOption, CallIdOption, CallTypeOption, CallDirectionOption, CallStateOption, FromNumberOption,
            ToExtensionOption, HeaderOption, QueryOption, BodyOption, RawOption, JsonOption, VerboseOption, EnvOption, EnvFileOption,
            UserVarsOption, OverrideOption, OverrideJsonOption, SimulateOption, LiveOption, LiveAllowPrivateOption,
        })
        {
            root.Options.Add(option);
        }

        root.Validators.Add(result =>
        {
            var actions = new Option[] { ListAgentsOption, ListSkillsOption, ListToolsOption, DumpSwmlOption, ExecOption, AuditOption }
                .Where(o => result.GetResult(o) is not null).Select(o => o.Name).ToList();
            if (actions.Count > 1)
            {
                result.AddError($"Choose one of {string.Join(", ", actions)}.");
            }

            if (result.GetResult(ListSkillsOption) is null && string.IsNullOrEmpty(result.GetValue(PathArgument)))
            {
                result.AddError($"Required argument missing for command: '{PathArgument.Name}'.");
            }
        });
        root.SetAction(RunAsync);

        var audit = new Command("audit", "Check the agent and this environment against the production hardening checklist; exits 1 on any FAIL.")
        {
            PathArgument, AgentOption, RouteOption, ConfigurationOption, JsonOption, VerboseOption, EnvOption, EnvFileOption, SimulateOption,
        };
        audit.SetAction((parse, cancellationToken) => WithAgentAsync(parse, (agent, output) =>
            Task.FromResult(AuditAgent(output, agent, parse.GetValue(JsonOption))), cancellationToken));
        root.Subcommands.Add(audit);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; an invalid command line prints its errors and returns 2.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parse = Build().Parse(args);
        error ??= Console.Error;
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'swaig-test --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output ?? Console.Out, Error = error }).ConfigureAwait(false);
    }

    private static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(ListSkillsOption))
        {
            return Guard(parse, async () =>
            {
                if (!string.IsNullOrEmpty(parse.GetValue(PathArgument)))
                {
                    Skills.SkillRegistry.RegisterFrom(await LoadAssemblyAsync(parse, cancellationToken).ConfigureAwait(false));
                }

                return ListSkillsCommand.Run(parse.InvocationConfiguration.Output, Skills.SkillRegistry.List(), parse.GetValue(RawOption));
            });
        }

        if (parse.GetValue(ListAgentsOption))
        {
            return Guard(parse, async () =>
            {
                var assembly = await LoadAssemblyAsync(parse, cancellationToken).ConfigureAwait(false);
                return ListAgentsCommand.Run(parse.InvocationConfiguration.Output, AgentLoader.Discover(assembly));
            });
        }

        // Built inside the guard: a malformed --user-vars or --override is one line on standard error, exit code 1.
        CommandInput Input() => new()
        {
            Call = new FakeCall
            {
                CallId = parse.GetValue(CallIdOption) ?? Guid.NewGuid().ToString(),
                CallType = parse.GetRequiredValue(CallTypeOption),
                Direction = parse.GetRequiredValue(CallDirectionOption),
                State = parse.GetRequiredValue(CallStateOption),
                FromNumber = parse.GetRequiredValue(FromNumberOption),
                ToExtension = parse.GetRequiredValue(ToExtensionOption),
                UserVariables = parse.GetValue(UserVarsOption) is { } userVars ? CliText.ParseObject("--user-vars", userVars) : [],
            },
            Arguments = parse.GetValue(ArgOption) ?? [],
            ArgumentsJson = parse.GetValue(ArgsJsonOption),
            VerificationCode = parse.GetValue(VerifyOption),
            Headers = parse.GetValue(HeaderOption) ?? [],
            Query = parse.GetValue(QueryOption) ?? [],
            Body = parse.GetValue(BodyOption),
            Raw = parse.GetValue(RawOption),
            Verbose = parse.GetValue(VerboseOption),
            Overrides = CallOverrides.Parse(parse.GetValue(OverrideOption) ?? [], parse.GetValue(OverrideJsonOption) ?? []),
            Diagnostics = parse.InvocationConfiguration.Error,
            Simulation = Simulation(parse),
            Live = parse.GetValue(LiveOption),
            LiveAllowPrivate = parse.GetValue(LiveAllowPrivateOption),
        };

        return WithAgentAsync(parse, (agent, output) =>
        {
            if (parse.GetValue(DumpSwmlOption))
            {
                return DumpSwmlCommand.RunAsync(output, agent, Input(), cancellationToken);
            }

            if (parse.GetValue(ExecOption) is { } function)
            {
                return ExecCommand.RunAsync(output, agent, function, Input(), cancellationToken);
            }

            return Task.FromResult(parse.GetValue(AuditOption)
                ? AuditAgent(output, agent, parse.GetValue(JsonOption))
                : ListToolsCommand.Run(output, agent, parse.GetValue(RawOption)));
        }, cancellationToken);
    }

    private static Task<int> WithAgentAsync(ParseResult parse, Func<AgentBase, TextWriter, Task<int>> command, CancellationToken cancellationToken) => Guard(parse, async () =>
    {
        var assembly = await LoadAssemblyAsync(parse, cancellationToken).ConfigureAwait(false);
        var route = parse.GetValue(RouteOption);
        var agent = AgentLoader.Select(AgentLoader.Discover(assembly), parse.GetValue(AgentOption), route).Create(route);
        return await command(agent, parse.InvocationConfiguration.Output).ConfigureAwait(false);
    });

    private static Task<System.Reflection.Assembly> LoadAssemblyAsync(ParseResult parse, CancellationToken cancellationToken) =>
        AgentLoader.LoadAsync(parse.GetRequiredValue(PathArgument), parse.GetRequiredValue(ConfigurationOption), parse.InvocationConfiguration.Error, cancellationToken);

    private static int AuditAgent(TextWriter output, AgentBase agent, bool json)
    {
        var findings = HardeningAudit.Evaluate(agent, Environment.GetEnvironmentVariable);
        if (json)
        {
            AuditReport.WriteJson(output, agent.Name, findings);
        }
        else
        {
            AuditReport.WriteText(output, agent.Name, findings);
        }

        return findings.Any(f => f.Verdict == Verdict.Fail) ? Failure : Success;
    }

    /// <summary>Runs a command, turning the failures a user can act on into one line on standard error and exit code 1.</summary>
    private static async Task<int> Guard(ParseResult parse, Func<Task<int>> command)
    {
        try
        {
            using var environment = EnvironmentOverrides.Apply(parse.GetValue(EnvOption) ?? [], parse.GetValue(EnvFileOption) ?? [], Simulation(parse)?.Environment);
            return await command().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CliException or AgentConfigurationException or HttpRequestException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return Failure;
        }
    }

    private static ServerlessSimulation? Simulation(ParseResult parse) =>
        parse.GetValue(SimulateOption) is { } platform ? ServerlessSimulation.For(platform) : null;

    private static Option<string?> CreateOptionalChoice(string name, string description, string[] choices)
    {
        var option = new Option<string?>(name) { Description = $"{description} ({string.Join(", ", choices)})", HelpName = "PLATFORM" };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }

    private static Option<string> CreateChoice(string name, string description, string defaultValue, params string[] others)
    {
        var option = new Option<string>(name) { Description = $"{description} ({string.Join(" or ", [defaultValue, .. others])})", DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong([defaultValue, .. others]);
        return option;
    }
}
