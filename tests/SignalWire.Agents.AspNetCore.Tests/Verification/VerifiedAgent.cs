using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Verification;

namespace SignalWire.Agents.AspNetCore.Tests.Verification;

/// <summary>A bank-like agent: <c>transfer</c> needs a verified caller, <c>balance_hours</c> does not.</summary>
public sealed class VerifiedAgent : AgentBase
{
    public const string Pin = "4321";

    public VerifiedAgent(CallerVerifier? verifier = null, Action<CallerVerificationOptions>? configure = null, AgentOptions? options = null)
        : base(options ?? AgentTestServer.Options("bank"))
    {
        PromptAddSection("Role", "You are a bank.");
        SetPostPrompt("Summarize.");
        UseCallerVerification(verifier ?? CallerVerifier.Secret((caller, _) =>
        {
            Lookups.Enqueue(caller);
            return ValueTask.FromResult(caller.CallerNumber == "+14155550123" ? Pin : null);
        }), configure);
        DefineTool("transfer", "Move money", null, Record("transfer", "moved"), new ToolOptions { RequiresVerifiedCaller = true });
        DefineTool("balance_hours", "Opening hours", null, Record("balance_hours", "nine to five"));
    }

    public ConcurrentQueue<string> Ran { get; } = new();

    public ConcurrentQueue<CallerIdentity> Lookups { get; } = new();

    private ToolHandler Record(string name, string response) => (_, _, _) =>
    {
        Ran.Enqueue(name);
        return ValueTask.FromResult(new FunctionResult(response));
    };
}

/// <summary>Records the codes it is asked to send (a stand-in for an SMS gateway).</summary>
internal sealed class RecordingSender : IOneTimeCodeSender
{
    public ConcurrentQueue<OneTimeCodeMessage> Sent { get; } = new();

    public bool Fail { get; set; }

    public ValueTask SendAsync(OneTimeCodeMessage message, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new HttpRequestException("gateway said no to " + message.Text);
        }

        Sent.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}

internal static class VerificationRequests
{
    /// <summary>Calls <c>verify_caller</c> on <paramref name="callId"/> with the token from that call's document.</summary>
    public static async Task<string> VerifyAsync(this HttpClient client, string callId, string? code, string caller = "+14155550123")
    {
        var swml = await client.FetchSwmlAsync(callId, from: caller);
        var args = code is null ? new JsonObject() : new JsonObject { [CallerVerification.CodeParameter] = code };
        using var response = await client.PostJsonAsync(HttpTestExtensions.PathAndQuery(swml.FunctionUrl(CallerVerification.ToolName)), SwaigRequests.Call(CallerVerification.ToolName, args, callId: callId, callerNumber: caller));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.ReadTextAsync();
    }

    public static async Task<string> CallAsync(this HttpClient client, string function, string callId, string caller = "+14155550123")
    {
        using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call(function, callId: callId, callerNumber: caller));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.ReadTextAsync();
    }

    public static string Answer(string text) => new JsonObject { ["response"] = text }.ToWireJson();
}
