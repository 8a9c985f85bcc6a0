using System.Net;
using System.Text.Json.Nodes;
using SignalWire.Agents.DataMaps;
using SignalWire.Agents.Pipeline;
using SignalWire.Agents.Requests;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Verification;

namespace SignalWire.Agents.Tests.Pipeline;

/// <summary>
/// The tool-call gates driven in memory, without a host: one test per outcome kind, and one per pair of gates whose
/// order decides what the caller gets (over HTTP, the same calls are tested by the AspNetCore suites).
/// </summary>
public sealed class ToolGateTests : IAsyncDisposable
{
    private const string CallId = "gate-call";

    private static readonly JsonObject AmountSchema = JsonNode.Parse("""{"amount":{"type":"number","minimum":1}}""")!.AsObject();

    private readonly List<string> _ran = [];
    private readonly AgentBase _agent;
    private readonly AgentPipeline _pipeline;

    public ToolGateTests()
    {
        _agent = new AgentBase(new AgentOptions { Name = "gates", BasicAuthUser = "u", BasicAuthPassword = "p", SwaigSecret = "gate-secret", AuditLogPath = AgentSettings.NoAuditSink })
            .UseCallerVerification(CallerVerifier.Secret((_, _) => ValueTask.FromResult<string?>("2468")))
            .DefineTool("echo", "Echo", null, Run("echo"))
            .DefineTool("boom", "Fails", null, (_, _, _) => throw new InvalidOperationException("boom"))
            .DefineTool("pay", "Pays", AmountSchema, Run("pay"), new ToolOptions
            {
                Secure = true,
                Sensitive = true,
                RequiresConfirmation = true,
                RateLimit = ToolRateLimit.PerMinute(1),
            })
            .DefineTool("limited", "Limited", AmountSchema, Run("limited"), new ToolOptions { RateLimit = ToolRateLimit.PerMinute(1) })
            .DefineTool("vault", "Needs a verified caller", AmountSchema, Run("vault"), new ToolOptions { RequiresVerifiedCaller = true })
            .DefineTool("dial", "Dials", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("Dialling.").Connect("+19002345678")))
            .DefineTool("elsewhere", "Served elsewhere", null, Run("elsewhere"), new ToolOptions { WebHookUrl = new Uri("https://tools.example.com/hook") })
            .DefineDataMapTool(new DataMap("joke").Purpose("Tells a joke").Webhook("GET", "https://api.example.com/joke").Output(new FunctionResult("A joke.")));
        _pipeline = new AgentPipeline(_agent);
    }

    public ValueTask DisposeAsync() => _pipeline.DisposeAsync();

    private ToolHandler Run(string name) => (_, _, _) =>
    {
        _ran.Add(name);
        return ValueTask.FromResult(new FunctionResult("ok"));
    };

    private async Task<ToolOutcome> CallAsync(string function, JsonObject? args = null, bool token = true, string callId = CallId, string caller = "+14155550123")
    {
        var body = new JsonObject
        {
            ["function"] = function,
            ["call_id"] = callId,
            ["caller_id_num"] = caller,
            ["argument"] = new JsonObject { ["parsed"] = new JsonArray(args ?? new JsonObject()) },
        };
        var minted = token && _agent.Tools.TryGet(function, out _) ? _agent.Settings.Tokens.Mint(function, callId) : null;
        return await _pipeline.InvokeToolAsync(new ToolInvocation(SwaigRequest.FromJson(body), minted, IPAddress.Loopback), TestContext.Current.CancellationToken);
    }

    private static JsonObject Amount(double amount, bool? confirmed = null)
    {
        var args = new JsonObject { ["amount"] = amount };
        if (confirmed is { } value)
        {
            args["confirmed"] = value;
        }

        return args;
    }

    [Theory]
    [InlineData("", ToolOutcomeKind.MissingFunctionName, 400)]
    [InlineData("no such tool!", ToolOutcomeKind.InvalidFunctionName, 400)]
    [InlineData("missing", ToolOutcomeKind.FunctionNotFound, 404)]
    [InlineData("joke", ToolOutcomeKind.RunsOnPlatform, 400)]
    [InlineData("elsewhere", ToolOutcomeKind.RunsElsewhere, 400)]
    public async Task Calls_that_cannot_reach_a_handler_here_are_refused_to_the_client(string function, ToolOutcomeKind kind, int status)
    {
        var outcome = await CallAsync(function);

        Assert.Equal((kind, status, (FunctionResult?)null), (outcome.Kind, outcome.StatusCode, outcome.Result));
        Assert.Empty(_ran);
    }

    [Fact]
    public async Task A_secure_tool_without_its_token_is_refused_403()
    {
        var outcome = await CallAsync("pay", Amount(5, confirmed: true), token: false);

        Assert.Equal((ToolOutcomeKind.TokenRefused, 403, "Forbidden"), (outcome.Kind, outcome.StatusCode, outcome.Error));
    }

    [Fact]
    public async Task Every_outcome_that_answers_the_ai_is_a_200_with_its_own_message()
    {
        var success = await CallAsync("echo");
        var failed = await CallAsync("boom");
        var invalid = await CallAsync("pay", Amount(0, confirmed: true));
        var unconfirmed = await CallAsync("pay", Amount(5), caller: "+14155550999");
        var unverified = await CallAsync("vault", Amount(5));
        var wrongCode = await CallAsync(CallerVerification.ToolName, new JsonObject { [CallerVerification.CodeParameter] = "1111" });
        var limited = await CallAsync("limited", Amount(5), callId: "other-call");
        var limitedAgain = await CallAsync("limited", Amount(5), callId: "other-call");
        _agent.EmergencyMode = true;
        var blocked = await CallAsync("pay", Amount(5, confirmed: true), callId: "emergency-call");

        Assert.Equal(
            [ToolOutcomeKind.Success, ToolOutcomeKind.HandlerFailed, ToolOutcomeKind.ValidationFailed, ToolOutcomeKind.ConfirmationRequired,
                ToolOutcomeKind.VerificationRequired, ToolOutcomeKind.VerificationFailed, ToolOutcomeKind.Success, ToolOutcomeKind.RateLimited, ToolOutcomeKind.EmergencyBlocked],
            new[] { success, failed, invalid, unconfirmed, unverified, wrongCode, limited, limitedAgain, blocked }.Select(o => o.Kind));
        Assert.All(new[] { success, failed, invalid, unconfirmed, unverified, wrongCode, limitedAgain, blocked }, o => Assert.Equal(200, o.StatusCode));
        Assert.Equal(AgentPipeline.ToolFailureResponse, failed.Result!.Response);
        Assert.Equal(AgentPipeline.RateLimitedResponse, limitedAgain.Result!.Response);
        Assert.Equal(AgentPipeline.EmergencyResponse, blocked.Result!.Response);
        Assert.Equal(AgentPipeline.VerifyFirstResponse, unverified.Result!.Response);
        Assert.Equal(["echo", "limited"], _ran);
    }

    [Fact]
    public async Task The_token_comes_before_the_emergency_switch()
    {
        _agent.EmergencyMode = true;

        var outcome = await CallAsync("pay", Amount(5, confirmed: true), token: false);

        Assert.Equal(ToolOutcomeKind.TokenRefused, outcome.Kind);
    }

    [Fact]
    public async Task A_call_the_emergency_switch_blocks_does_not_spend_the_callers_limit()
    {
        _agent.EmergencyMode = true;
        await CallAsync("pay", Amount(5, confirmed: true));
        await CallAsync("pay", Amount(5, confirmed: true));
        _agent.EmergencyMode = false;

        var outcome = await CallAsync("pay", Amount(5, confirmed: true));

        Assert.Equal(ToolOutcomeKind.Success, outcome.Kind);
    }

    [Fact]
    public async Task The_limit_comes_before_validation_so_invalid_calls_spend_it()
    {
        var invalid = await CallAsync("limited", Amount(0));
        var valid = await CallAsync("limited", Amount(5));

        Assert.Equal((ToolOutcomeKind.ValidationFailed, ToolOutcomeKind.RateLimited), (invalid.Kind, valid.Kind));
        Assert.Empty(_ran);
    }

    [Fact]
    public async Task Spellings_of_one_caller_number_share_a_tools_limit()
    {
        await CallAsync("limited", Amount(5), callId: "a", caller: "+14155550123");

        var outcome = await CallAsync("limited", Amount(5), callId: "b", caller: "tel:1-415-555-0123");

        Assert.Equal(ToolOutcomeKind.RateLimited, outcome.Kind);
    }

    [Fact]
    public async Task An_unverified_caller_is_told_to_verify_before_any_argument_is_judged()
    {
        var outcome = await CallAsync("vault", Amount(0));

        Assert.Equal(ToolOutcomeKind.VerificationRequired, outcome.Kind);
    }

    [Fact]
    public async Task Arguments_are_validated_before_confirmation_is_asked_for()
    {
        var outcome = await CallAsync("pay", Amount(0));

        Assert.Equal(ToolOutcomeKind.ValidationFailed, outcome.Kind);
    }

    [Fact]
    public async Task After_verification_the_tool_runs_and_the_destination_policy_reads_the_handlers_result()
    {
        var verified = await CallAsync(CallerVerification.ToolName, new JsonObject { [CallerVerification.CodeParameter] = "2468" });
        var vault = await CallAsync("vault", Amount(5));
        var dial = await CallAsync("dial");

        Assert.Equal((ToolOutcomeKind.Success, ToolOutcomeKind.Success), (verified.Kind, vault.Kind));
        Assert.Equal(["vault"], _ran);
        Assert.Equal(ToolOutcomeKind.Success, dial.Kind);
        Assert.Empty(dial.Result!.Actions);
        Assert.StartsWith("Dialling. Not done: the transfer to +19002345678", dial.Result.Response, StringComparison.Ordinal);
    }
}
