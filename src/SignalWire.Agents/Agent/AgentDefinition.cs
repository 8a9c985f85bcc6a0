using System.Text.Json.Nodes;
using SignalWire.Agents.Contexts;
using SignalWire.Agents.Prompt;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents;

/// <summary>
/// Everything an agent is configured with, in one place, so that a per-request copy is structural:
/// <see cref="Clone"/> copies every field (a memberwise copy) and then gives each mutable one its own deep
/// copy. State added to an agent belongs here; a test fails when <see cref="AgentBase"/> gains a field of its
/// own, or when a mutable field here is left shared by <see cref="Clone"/>. Guarded by the agent's lock.
/// </summary>
internal sealed class AgentDefinition
{
    public ToolRegistry Tools = new();

    /// <summary>Each webhook tool's handler, by tool name (DataMap tools have none); immutable, replaced whole.</summary>
    public System.Collections.Immutable.ImmutableDictionary<string, ToolInvoker> Invokers = System.Collections.Immutable.ImmutableDictionary.Create<string, ToolInvoker>(StringComparer.Ordinal);
    public PromptObjectModel Pom = new();
    public string? PromptText;
    public string? PostPrompt;
    public List<LanguageSettings> Languages = [];
    public JsonObject Params = [];
    public JsonObject GlobalData = [];
    public JsonArray Hints = [];
    public JsonArray Pronounce = [];
    public List<string> NativeFunctions = [];
    public JsonObject InternalFillers = [];
    public JsonArray Includes = [];
    public JsonObject PromptLlmParams = [];
    public JsonObject PostPromptLlmParams = [];
    public List<JsonObject> PreAnswerVerbs = [];
    public List<JsonObject> PostAnswerVerbs = [];
    public List<JsonObject> PostAiVerbs = [];
    public JsonObject AnswerConfig = [];
    public (string Format, bool Stereo)? RecordCall;
    public Func<PostPromptSummary, CancellationToken, ValueTask>? SummaryHandler;
    public System.Collections.Immutable.ImmutableArray<Func<ToolCallContext, CancellationToken, ValueTask>> CallEndHandlers = [];
    public System.Collections.Immutable.ImmutableArray<StaticFileMount> StaticFiles = [];
    public List<KeyValuePair<string, string>> SwaigQuery = [];
    public Uri? PostPromptUrl;
    public Uri? WebHookUrl;
    public int? DebugEventsLevel;
    public Func<DebugEvent, CancellationToken, ValueTask>? DebugHandler;
    public MultilingualSettings? Multilingual;
    public ContextsSnapshot? Contexts;
    public Verification.CallerVerification? Verification;

    /// <summary>State other packages keep on the agent (<see cref="IAgentComponent"/>), by type; each is cloned with the definition.</summary>
    public System.Collections.Immutable.ImmutableDictionary<Type, IAgentComponent> Components = System.Collections.Immutable.ImmutableDictionary<Type, IAgentComponent>.Empty;

    /// <summary>A copy sharing nothing mutable with this definition (immutable values and handlers are shared).</summary>
    public AgentDefinition Clone()
    {
        var copy = (AgentDefinition)MemberwiseClone();
        copy.Tools = Tools.Clone();
        copy.Pom = Pom.Clone();
        copy.Languages = [.. Languages];
        copy.Params = Params.DeepClone().AsObject();
        copy.GlobalData = GlobalData.DeepClone().AsObject();
        copy.Hints = Hints.DeepClone().AsArray();
        copy.Pronounce = Pronounce.DeepClone().AsArray();
        copy.NativeFunctions = [.. NativeFunctions];
        copy.InternalFillers = InternalFillers.DeepClone().AsObject();
        copy.Includes = Includes.DeepClone().AsArray();
        copy.PromptLlmParams = PromptLlmParams.DeepClone().AsObject();
        copy.PostPromptLlmParams = PostPromptLlmParams.DeepClone().AsObject();
        copy.PreAnswerVerbs = [.. PreAnswerVerbs.Select(v => v.DeepClone().AsObject())];
        copy.PostAnswerVerbs = [.. PostAnswerVerbs.Select(v => v.DeepClone().AsObject())];
        copy.PostAiVerbs = [.. PostAiVerbs.Select(v => v.DeepClone().AsObject())];
        copy.AnswerConfig = AnswerConfig.DeepClone().AsObject();
        copy.SwaigQuery = [.. SwaigQuery];
        copy.Components = System.Collections.Immutable.ImmutableDictionary.CreateRange(Components.Select(c => KeyValuePair.Create(c.Key, c.Value.Clone())));
        return copy;
    }
}
