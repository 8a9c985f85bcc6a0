using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents.Contexts;

/// <summary>One question of a step's <c>gather_info</c>: the answer is stored under <see cref="Key"/>.</summary>
/// <param name="Key">Where the answer goes in the output object.</param>
/// <param name="Question">What the AI asks.</param>
/// <param name="Type">JSON type of the answer (default <c>string</c>).</param>
/// <param name="Confirm">Read the answer back for confirmation before accepting it.</param>
/// <param name="Prompt">Extra instructions for this question.</param>
/// <param name="Functions">Tools callable while this question is asked.</param>
/// <param name="Isolated">Ask it without the earlier conversation.</param>
public sealed record GatherQuestion(
    string Key, string Question, string Type = "string", bool Confirm = false, string? Prompt = null, IReadOnlyList<string>? Functions = null, bool? Isolated = null)
{
    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["key"] = Key, ["question"] = Question };
        if (Type != "string")
        {
            json["type"] = Type;
        }

        AddFlag(json, "confirm", Confirm);
        AddIf(json, "prompt", Prompt);
        AddList(json, "functions", Functions);
        AddIf(json, "isolated", Isolated);
        return json;
    }
}
