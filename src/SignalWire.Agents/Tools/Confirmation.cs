using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Tools;

/// <summary>The enforced confirmation step of tools declared with <see cref="ToolOptions.RequiresConfirmation"/>.</summary>
public static class Confirmation
{
    /// <summary>Name of the boolean argument the AI sets once the caller has confirmed.</summary>
    public const string ParameterName = "confirmed";

    /// <summary>Title of the prompt section that explains the protocol to the AI.</summary>
    public const string SectionTitle = "Confirmation Protocol";

    internal static readonly string[] SectionBullets =
    [
        "Some actions require the caller's explicit confirmation before they run.",
        "Before calling such a function, state exactly what will happen (amounts, accounts, destinations) and ask the caller to say 'confirm'.",
        "Set confirmed to true only after the caller has clearly confirmed in this conversation; never assume or infer it.",
        "If the caller hesitates, changes any detail or says no, do not call the function; ask again with the corrected details.",
    ];

    /// <summary>Whether the arguments carry <c>confirmed: true</c>.</summary>
    public static bool IsConfirmed(JsonObject args) =>
        args is not null && args[ParameterName] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>The question returned instead of running the tool.</summary>
    public static string Prompt(string summary) => $"You're about to {summary}. Please say 'confirm' to proceed.";

    internal static JsonObject ParameterSchema() => new()
    {
        ["type"] = "boolean",
        ["description"] = "Set to true only after the caller has explicitly confirmed this action in the conversation.",
    };
}
