using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.Calling;
using SignalWire.Relay.Calling;

namespace RelayIvrExample;

/// <summary>The phone menu: answer, offer sales or an AI assistant, then connect or hand over.</summary>
public static class Ivr
{
    /// <summary>Handles one inbound call; <paramref name="log"/> receives a line per step.</summary>
    public static async Task HandleAsync(RelayCall call, IvrSettings settings, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        log($"Call {call.Id} from {call.From} on '{call.Context}'");
        await call.AnswerAsync(cancellationToken);
        var menu = await call.PlayAndCollectAsync(
            [CallMedia.Tts("Thanks for calling Riverside. Press 1 for sales, or 2 to talk to our assistant.")],
            digits: new JsonObject { ["max"] = 1, ["digit_timeout"] = 5 },
            initialTimeout: 10,
            cancellationToken: cancellationToken);
        var choice = await menu.ResultAsync(cancellationToken);
        log($"Caller chose: {choice.Digits ?? choice.Type}");
        switch (choice.Digits)
        {
            case "1":
                await (await call.SayAsync("Connecting you to sales.", cancellationToken: cancellationToken)).WaitAsync(cancellationToken);
                var connected = await call.ConnectAsync([[Device.Phone(settings.SalesNumber, call.To ?? settings.SalesNumber, 20)]], cancellationToken: cancellationToken);
                log($"Connected to sales (peer {connected.PeerCallId})");
                break;
            case "2":
                var ai = await call.AiAsync(settings.Assistant, settings.AssistantPublicUrl, cancellationToken);
                log($"Assistant started (control {ai.ControlId})");
                break;
            default:
                await (await call.SayAsync("Sorry, I didn't get that. Goodbye.", cancellationToken: cancellationToken)).WaitAsync(cancellationToken);
                await call.HangupAsync(cancellationToken: cancellationToken);
                log("Hung up");
                return;
        }

        var ended = await call.WaitForEndedAsync(cancellationToken);
        log($"Call {call.Id} ended ({ended.Get("end_reason") ?? "hangup"})");
    }
}

/// <summary>Where the menu sends callers.</summary>
/// <param name="SalesNumber">The sales line (E.164).</param>
/// <param name="Assistant">The AI agent option 2 hands the call to.</param>
/// <param name="AssistantPublicUrl">Where that agent's webhooks are served.</param>
public sealed record IvrSettings(string SalesNumber, AgentBase Assistant, Uri AssistantPublicUrl);
