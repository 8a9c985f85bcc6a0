using System.Reflection;
using System.Text.Json.Nodes;
using SignalWire.Agents.Contexts;

namespace SignalWire.Agents.Tests.Agent;

/// <summary>A per-request copy of an agent shares nothing mutable with the agent it came from, structurally.</summary>
public sealed class AgentDefinitionTests
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>The fields <see cref="AgentBase"/> may keep itself, each for a reason; everything else goes in <see cref="AgentDefinition"/>.</summary>
    private static readonly Dictionary<string, string> AgentOwnFields = new(StringComparer.Ordinal)
    {
        ["_gate"] = "the lock that guards the definition",
        ["_settings"] = "resolved once and shared by every copy (credentials, secret)",
        ["_state"] = "the definition itself",
        ["_dynamicHandlers"] = "a copy runs them; it must not run them again",
        ["_emergency"] = "the switch is read from the shared agent",
        ["_static"] = "a render cache derived from the definition; a copy builds its own",
        ["<Options>k__BackingField"] = "shared: the options the agent was created with",
        ["<IsRequestCopy>k__BackingField"] = "what the copy is",
        ["<Service>k__BackingField"] = "the SWML service an agent instance carries through hosting",
    };

    /// <summary>Types whose instances never change after creation, so a copy may share them.</summary>
    private static readonly Type[] Immutable =
        [typeof(string), typeof(Uri), typeof(MultilingualSettings), typeof(ContextsSnapshot), typeof(Verification.CallerVerification), typeof(System.Collections.Immutable.ImmutableDictionary<string, ToolInvoker>)];

    [Fact]
    public void Agent_state_lives_in_the_definition()
    {
        var extra = typeof(AgentBase).GetFields(Instance).Select(f => f.Name).Where(n => !AgentOwnFields.ContainsKey(n)).ToList();

        Assert.True(extra.Count == 0, $"AgentBase gained {string.Join(", ", extra)}: put per-agent configuration in AgentDefinition so per-request copies carry it.");
    }

    [Fact]
    public void A_clone_shares_no_mutable_field_with_its_source()
    {
        var source = Populated();
        var clone = source.Clone();

        foreach (var field in typeof(AgentDefinition).GetFields(Instance))
        {
            var original = field.GetValue(source);
            var copied = field.GetValue(clone);
            Assert.True(original is not null, $"{field.Name} is not set by Populated(); set it so the test covers it");
            if (field.FieldType.IsValueType || Immutable.Contains(field.FieldType) || typeof(Delegate).IsAssignableFrom(field.FieldType)
                || Nullable.GetUnderlyingType(field.FieldType) is not null)
            {
                Assert.Equal(original, copied);
                continue;
            }

            Assert.False(ReferenceEquals(original, copied), $"AgentDefinition.Clone shares {field.Name} ({field.FieldType.Name}): deep-copy it, or list the type as immutable here if it is.");
        }
    }

    [Fact]
    public async Task Changing_a_request_copy_leaves_the_agent_untouched()
    {
        var agent = new AgentBase(new AgentOptions { Name = "tenant" });
        agent.AddLanguage("English", "en-US", "rime.spore").AddHints(["one"]).SetGlobalData(new() { ["tier"] = "gold" });
        agent.OnRequest((_, copy, _) =>
        {
            copy.AddLanguage("Spanish", "es-ES", "rime.luna").AddHints(["two"]).SetGlobalData(new() { ["tier"] = "silver" }).SetParam("temperature", 0.2);
            return ValueTask.CompletedTask;
        });

        var copy = await agent.ConfigureForRequestAsync(new AgentRequest(new Dictionary<string, string>(), null, new Dictionary<string, string>()), TestContext.Current.CancellationToken);

        Assert.True(copy.IsRequestCopy);
        var shared = SignalWire.Agents.Swml.AgentDocumentRenderer.RenderToString(agent, "https://u:p@a.example.com", "call-1");
        Assert.Contains("\"gold\"", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("Spanish", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("\"two\"", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("temperature", shared, StringComparison.Ordinal);
        var own = SignalWire.Agents.Swml.AgentDocumentRenderer.RenderToString(copy, "https://u:p@a.example.com", "call-1");
        Assert.Contains("Spanish", own, StringComparison.Ordinal);
        Assert.Contains("\"silver\"", own, StringComparison.Ordinal);
    }

    private static AgentDefinition Populated()
    {
        var definition = new AgentDefinition
        {
            PromptText = "text",
            PostPrompt = "summarise",
            RecordCall = ("wav", true),
            SummaryHandler = (_, _) => ValueTask.CompletedTask,
            PostPromptUrl = new Uri("https://example.com/summary"),
            WebHookUrl = new Uri("https://example.com/hook"),
            DebugEventsLevel = 1,
            DebugHandler = (_, _) => ValueTask.CompletedTask,
            Multilingual = new MultilingualSettings { Languages = [] },
            Contexts = new ContextsSnapshot([], _ => { }),
            // Immutable: the options are a private copy taken at registration.
            Verification = new Verification.CallerVerification(Verification.CallerVerifier.Secret((_, _) => ValueTask.FromResult<string?>("1234")), new Verification.CallerVerificationOptions()),
        };
        definition.Languages.Add(new LanguageSettings("English", "en-US", "rime.spore"));
        definition.Params["temperature"] = 0.5;
        definition.GlobalData["tier"] = "gold";
        definition.Hints.Add("hint");
        definition.Pronounce.Add(new JsonObject { ["replace"] = "a", ["with"] = "b" });
        definition.NativeFunctions.Add("check_time");
        definition.InternalFillers["next_step"] = new JsonObject();
        definition.Includes.Add(new JsonObject { ["url"] = "https://example.com" });
        definition.PromptLlmParams["top_p"] = 0.9;
        definition.PostPromptLlmParams["top_p"] = 0.8;
        definition.PreAnswerVerbs.Add(new JsonObject { ["play"] = new JsonObject() });
        definition.PostAnswerVerbs.Add(new JsonObject { ["sleep"] = 1 });
        definition.PostAiVerbs.Add(new JsonObject { ["hangup"] = new JsonObject() });
        definition.AnswerConfig["max_duration"] = 60;
        definition.SwaigQuery.Add(new("tenant", "a"));
        definition.Components = definition.Components.Add(typeof(CountingComponent), new CountingComponent());
        return definition;
    }

    [Fact]
    public void Components_are_cloned_with_the_definition()
    {
        var source = Populated();
        var clone = source.Clone();

        var original = (CountingComponent)source.Components[typeof(CountingComponent)];
        var copied = (CountingComponent)clone.Components[typeof(CountingComponent)];
        copied.Count++;

        Assert.NotSame(original, copied);
        Assert.Equal((0, 1), (original.Count, copied.Count));
    }

    private sealed class CountingComponent : IAgentComponent
    {
        public int Count { get; set; }

        public IAgentComponent Clone() => new CountingComponent { Count = Count };
    }
}
