using System.Text.Json.Nodes;

namespace SignalWire.Agents.Swml;

/// <summary>The branches of a <c>cond</c> verb: JavaScript conditions tried in order, then an else.</summary>
public sealed class SwmlCond
{
    private readonly JsonArray _branches = [];
    private bool _hasElse;

    /// <summary>Verbs to run when <paramref name="condition"/> (JavaScript over the call's variables) is true.</summary>
    public SwmlCond When(string condition, Action<SwmlSection> verbs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(condition);
        if (_hasElse)
        {
            throw new InvalidOperationException("Else must be the last branch of a cond.");
        }

        _branches.Add((JsonNode)new JsonObject { ["when"] = condition, ["then"] = SwmlSection.Block(verbs) });
        return this;
    }

    /// <summary>Verbs to run when no condition holds.</summary>
    public SwmlCond Else(Action<SwmlSection> verbs)
    {
        _branches.Add((JsonNode)new JsonObject { ["else"] = SwmlSection.Block(verbs) });
        _hasElse = true;
        return this;
    }

    internal JsonArray ToJson() => _branches.Count > 0 ? (JsonArray)_branches.DeepClone() : throw new InvalidOperationException("A cond needs at least one branch.");
}
