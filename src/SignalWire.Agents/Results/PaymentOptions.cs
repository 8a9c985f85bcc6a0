using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Options of <see cref="FunctionResult.Pay"/>; the defaults are the platform's.</summary>
public sealed record PaymentOptions
{
    /// <summary>How the caller enters card details; the SWML schema allows only <c>dtmf</c>.</summary>
    public string InputMethod { get; init; } = "dtmf";

    /// <summary>URL that receives payment status events.</summary>
    public string? StatusUrl { get; init; }

    /// <summary>Payment method (<c>credit-card</c>).</summary>
    public string PaymentMethod { get; init; } = "credit-card";

    /// <summary>Seconds to wait for input.</summary>
    public int Timeout { get; init; } = 5;

    /// <summary>Attempts allowed.</summary>
    public int MaxAttempts { get; init; } = 1;

    /// <summary>Ask for the security code.</summary>
    public bool SecurityCode { get; init; } = true;

    /// <summary><c>true</c>, <c>false</c> or a known postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Shortest postal code accepted.</summary>
    public int MinPostalCodeLength { get; init; }

    /// <summary><c>reusable</c> or <c>one-time</c>.</summary>
    public string TokenType { get; init; } = "reusable";

    /// <summary>Amount to charge (omit to tokenise only).</summary>
    public string? ChargeAmount { get; init; }

    /// <summary>Currency code.</summary>
    public string Currency { get; init; } = "usd";

    /// <summary>Prompt language.</summary>
    public string Language { get; init; } = "en-US";

    /// <summary>Prompt voice.</summary>
    public string Voice { get; init; } = "woman";

    /// <summary>Description for the connector.</summary>
    public string? Description { get; init; }

    /// <summary>Space-separated card types accepted.</summary>
    public string ValidCardTypes { get; init; } = "visa mastercard amex";

    /// <summary>Connector parameters (see <see cref="FunctionResult.CreatePaymentParameter"/>).</summary>
    public IReadOnlyList<JsonObject>? Parameters { get; init; }

    /// <summary>Custom prompts (see <see cref="FunctionResult.CreatePaymentPrompt"/>).</summary>
    public IReadOnlyList<JsonObject>? Prompts { get; init; }

    /// <summary>What the AI is told afterwards.</summary>
    public string AiResponse { get; init; } = FunctionResult.DefaultPaymentResponse;
}
