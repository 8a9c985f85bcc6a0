using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents;

/// <summary>Payment and conference actions, and the payment prompt helpers.</summary>
public sealed partial class FunctionResult
{
    /// <summary>What the AI is told after a payment unless another <c>aiResponse</c> is given.</summary>
    public const string DefaultPaymentResponse = "The payment status is ${pay_result}, do not mention anything else about collecting payment if successful.";

    /// <summary>
    /// Collects a card payment over the call through <paramref name="connectorUrl"/>. Numbers and booleans
    /// are sent as JSON numbers and booleans, as the SWML schema requires (the reference SDK sends strings,
    /// which the schema rejects).
    /// </summary>
    public FunctionResult Pay(string connectorUrl, PaymentOptions? options = null)
    {
        var o = options ?? new PaymentOptions();
        return AddAction(new JsonObject
        {
            ["SWML"] = new JsonObject
            {
                ["version"] = "1.0.0",
                ["sections"] = new JsonObject
                {
                    ["main"] = new JsonArray(
                        new JsonObject { ["set"] = new JsonObject { ["ai_response"] = o.AiResponse } },
                        new JsonObject { ["pay"] = PayConfig(connectorUrl, o) }),
                },
            },
        });
    }

    /// <summary>The <c>pay</c> verb's configuration (shared with <see cref="Swml.SwmlSection.Pay"/>).</summary>
    internal static JsonObject PayConfig(string connectorUrl, PaymentOptions o)
    {
        OneOf(o.InputMethod, "InputMethod", "dtmf");
        OneOf(o.TokenType, "TokenType", "reusable", "one-time");
        var pay = new JsonObject
        {
            ["payment_connector_url"] = Required(connectorUrl),
            ["input"] = o.InputMethod,
            ["payment_method"] = o.PaymentMethod,
            ["timeout"] = o.Timeout,
            ["max_attempts"] = o.MaxAttempts,
            ["security_code"] = o.SecurityCode,
            ["min_postal_code_length"] = o.MinPostalCodeLength,
            ["token_type"] = o.TokenType,
            ["currency"] = o.Currency,
            ["language"] = o.Language,
            ["voice"] = o.Voice,
            ["valid_card_types"] = o.ValidCardTypes,
            ["postal_code"] = o.PostalCode switch
            {
                null or "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                var known => JsonValue.Create(known),
            },
        };
        AddIf(pay, "status_url", o.StatusUrl);
        AddIf(pay, "charge_amount", o.ChargeAmount);
        AddIf(pay, "description", o.Description);
        if (o.Parameters is { Count: > 0 })
        {
            pay["parameters"] = new JsonArray([.. o.Parameters.Select(p => (JsonNode)p.DeepClone())]);
        }

        if (o.Prompts is { Count: > 0 })
        {
            pay["prompts"] = new JsonArray([.. o.Prompts.Select(p => (JsonNode)p.DeepClone())]);
        }

        return pay;
    }

    /// <summary>A payment prompt: what to say <paramref name="forSituation"/> (e.g. <c>payment-card-number</c>).</summary>
    public static JsonObject CreatePaymentPrompt(string forSituation, IEnumerable<JsonObject> actions, string? cardType = null, string? errorType = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var prompt = new JsonObject { ["for"] = Required(forSituation), ["actions"] = new JsonArray([.. actions.Select(a => (JsonNode)a.DeepClone())]) };
        AddIf(prompt, "card_type", cardType);
        AddIf(prompt, "error_type", errorType);
        return prompt;
    }

    /// <summary>A prompt action: <c>{"type": "Say"|"Play", "phrase": ...}</c>.</summary>
    public static JsonObject CreatePaymentAction(string type, string phrase) => new() { ["type"] = Required(type), ["phrase"] = Required(phrase) };

    /// <summary>A connector parameter: <c>{"name", "value"}</c>.</summary>
    public static JsonObject CreatePaymentParameter(string name, string value) => new() { ["name"] = Required(name), ["value"] = value ?? throw new ArgumentNullException(nameof(value)) };

    /// <summary>
    /// Joins a conference: <c>{"join_conference": {"name", ...}}</c> with only the options that differ from
    /// the defaults. (The reference SDK sends the bare name when nothing differs, which the SWML schema rejects.)
    /// </summary>
    public FunctionResult JoinConference(string name, ConferenceOptions? options = null) =>
        Swml(new JsonObject { ["join_conference"] = ConferenceConfig(name, options ?? new ConferenceOptions()) });

    /// <summary>The <c>join_conference</c> verb's configuration (shared with <see cref="Swml.SwmlSection.JoinConference"/>).</summary>
    internal static JsonObject ConferenceConfig(string name, ConferenceOptions o)
    {
        Required(name);
        OneOf(o.Beep, "beep", "true", "false", "onEnter", "onExit");
        OneOf(o.Record, "record", "do-not-record", "record-from-start");
        OneOf(o.Trim, "trim", "trim-silence", "do-not-trim");
        OneOf(o.StatusCallbackMethod, "statusCallbackMethod", "GET", "POST");
        OneOf(o.RecordingStatusCallbackMethod, "recordingStatusCallbackMethod", "GET", "POST");
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MaxParticipants, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(o.MaxParticipants, 250);

        var defaults = new ConferenceOptions();
        var conference = new JsonObject { ["name"] = name };
        Differs(conference, "muted", o.Muted, defaults.Muted);
        Differs(conference, "beep", o.Beep, defaults.Beep);
        Differs(conference, "start_on_enter", o.StartOnEnter, defaults.StartOnEnter);
        Differs(conference, "end_on_exit", o.EndOnExit, defaults.EndOnExit);
        Differs(conference, "wait_url", o.WaitUrl, defaults.WaitUrl);
        Differs(conference, "max_participants", o.MaxParticipants, defaults.MaxParticipants);
        Differs(conference, "record", o.Record, defaults.Record);
        Differs(conference, "region", o.Region, defaults.Region);
        Differs(conference, "trim", o.Trim, defaults.Trim);
        Differs(conference, "coach", o.Coach, defaults.Coach);
        Differs(conference, "status_callback_event", o.StatusCallbackEvent, defaults.StatusCallbackEvent);
        Differs(conference, "status_callback", o.StatusCallback, defaults.StatusCallback);
        Differs(conference, "status_callback_method", o.StatusCallbackMethod, defaults.StatusCallbackMethod);
        Differs(conference, "recording_status_callback", o.RecordingStatusCallback, defaults.RecordingStatusCallback);
        Differs(conference, "recording_status_callback_method", o.RecordingStatusCallbackMethod, defaults.RecordingStatusCallbackMethod);
        Differs(conference, "recording_status_callback_event", o.RecordingStatusCallbackEvent, defaults.RecordingStatusCallbackEvent);
        Differs(conference, "result", o.Result, defaults.Result);
        return conference;
    }

    private static void Differs(JsonObject target, string key, bool value, bool standard)
    {
        if (value != standard)
        {
            target[key] = value;
        }
    }

    private static void Differs(JsonObject target, string key, int value, int standard)
    {
        if (value != standard)
        {
            target[key] = value;
        }
    }

    private static void Differs(JsonObject target, string key, string? value, string? standard)
    {
        if (value is not null && !string.Equals(value, standard, StringComparison.Ordinal))
        {
            target[key] = value;
        }
    }
}
