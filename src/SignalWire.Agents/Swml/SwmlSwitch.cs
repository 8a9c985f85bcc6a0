using System.Text.Json.Nodes;

namespace SignalWire.Agents.Swml;

/// <summary>The branches of a <c>switch</c> verb: one list of verbs per value, and a default.</summary>
public sealed class SwmlSwitch
{
    private readonly JsonObject _cases = [];
    private JsonArray? _default;

    /// <summary>Verbs to run when the variable equals <paramref name="value"/>.</summary>
    public SwmlSwitch Case(string value, Action<SwmlSection> verbs)
    {
        ArgumentNullException.ThrowIfNull(value);
        _cases[value] = SwmlSection.Block(verbs);
        return this;
    }

    /// <summary>Verbs to run when no case matches.</summary>
    public SwmlSwitch Default(Action<SwmlSection> verbs)
    {
        _default = SwmlSection.Block(verbs);
        return this;
    }

    internal JsonObject ToJson(string variable)
    {
        if (_cases.Count == 0)
        {
            throw new InvalidOperationException("A switch needs at least one case.");
        }

        var json = new JsonObject { ["variable"] = variable, ["case"] = _cases.DeepClone() };
        if (_default is not null)
        {
            json["default"] = _default.DeepClone();
        }

        return json;
    }
}
