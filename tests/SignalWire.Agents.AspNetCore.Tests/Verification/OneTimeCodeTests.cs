using Microsoft.Extensions.Time.Testing;
using SignalWire.Agents.Verification;
using static SignalWire.Agents.AspNetCore.Tests.Verification.VerificationRequests;

namespace SignalWire.Agents.AspNetCore.Tests.Verification;

/// <summary>One-time codes by text message: generated, sent to the number calling, checked once, expiring, limited.</summary>
public sealed class OneTimeCodeTests : IAsyncLifetime
{
    private const string CodeSent = "A one-time code was sent by text message to the phone the caller is calling from. Ask the caller to read it, then call verify_caller with it as code.";
    private const string NoPending = "No code is pending for this call, or it expired. Call verify_caller without a code to send a new one.";
    private const string CannotSend = "A code cannot be sent to this caller. Offer other help.";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingSender _sender = new();
    private VerifiedAgent _agent = null!;
    private AgentTestServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var options = AgentTestServer.Options("bank");
        options.TimeProvider = _time;
        _agent = new VerifiedAgent(CallerVerifier.OneTimeCode(_sender), options: options);
        _server = await AgentTestServer.StartAsync(_agent);
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_code_is_sent_to_the_caller_and_verifies_the_call_once()
    {
        Assert.Equal(Answer(CodeSent), await _client.VerifyAsync("call-1", null));

        var message = Assert.Single(_sender.Sent);
        Assert.Equal("+14155550123", message.To);
        Assert.Matches("^[0-9]{6}$", message.Code);
        Assert.Equal($"Your verification code is {message.Code}. It expires in 5 minutes.", message.Text);
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), message.ExpiresAt);
        Assert.DoesNotMatch($@"(?<!\d){message.Code}(?!\d)", message.ToString());

        Assert.Equal(Answer("The caller is verified. Go on with what they asked for."), await _client.VerifyAsync("call-1", message.Code[..3] + " " + message.Code[3..]));
        Assert.Equal(Answer("moved"), await _client.CallAsync("transfer", "call-1"));
        // The code is spent: it verifies no other call.
        Assert.Equal(Answer(NoPending), await _client.VerifyAsync("call-2", message.Code));
        // Not as a number of its own: phone numbers and durations are digits too.
        Assert.DoesNotMatch($@"(?<!\d){message.Code}(?!\d)", _server.AllLogText());
        Assert.Contains("verification_code_sent agent=bank call_id=call-1 caller=+14155550123", _server.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_code_is_not_accepted()
    {
        await _client.VerifyAsync("call-1", null);
        var code = Assert.Single(_sender.Sent).Code;

        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(Answer(NoPending), await _client.VerifyAsync("call-1", code));
        Assert.Equal(Answer(AgentPipelineVerifyFirst), await _client.CallAsync("transfer", "call-1"));
    }

    [Fact]
    public async Task A_wrong_code_counts_as_a_failed_attempt()
    {
        await _client.VerifyAsync("call-1", null);
        var code = Assert.Single(_sender.Sent).Code;
        var wrong = code[0] == '9' ? "0" + code[1..] : (char)(code[0] + 1) + code[1..];

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Answer("That code is not correct. Ask the caller to check it and try again."), await _client.VerifyAsync("call-1", wrong));
        }

        Assert.Equal(Answer("Too many incorrect codes. Verification is locked for this caller for now; offer other help."), await _client.VerifyAsync("call-1", code));
    }

    [Fact]
    public async Task Codes_per_call_are_limited_because_texts_cost_money()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Answer(CodeSent), await _client.VerifyAsync("call-1", null));
        }

        Assert.Equal(Answer("Too many codes were sent to this caller. Ask them to use the last code they received, or try again later."), await _client.VerifyAsync("call-1", null));
        Assert.Equal(3, _sender.Sent.Count);
    }

    [Theory]
    [InlineData("+19005550100")]
    [InlineData("+881612345678")]
    [InlineData("5551234")]
    public async Task No_code_is_texted_to_a_premium_or_unusable_caller_number(string caller)
    {
        Assert.Equal(Answer(CannotSend), await _client.VerifyAsync("call-1", null, caller));
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task A_failed_send_discards_the_code_and_logs_no_message_text()
    {
        _sender.Fail = true;

        Assert.Equal(Answer(CannotSend), await _client.VerifyAsync("call-1", null));

        var logs = _server.AllLogText();
        Assert.Contains("Sending a verification code failed for call call-1 (HttpRequestException)", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway said no", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Your verification code", logs, StringComparison.Ordinal);
    }

    private const string AgentPipelineVerifyFirst = Pipeline.AgentPipeline.VerifyFirstResponse;
}
