using System.Text.Json.Nodes;
using SignalWire.Agents;
using SignalWire.Agents.DataMaps;
using SignalWire.Agents.Tools;

namespace KitchenSinkExample;

/// <summary>
/// A pizza-shop agent that uses every part of the SDK: POM prompt and post-prompt, LLM parameters,
/// languages with fillers and voice tuning, multilingual mode, hints, pronunciations, typed AI params,
/// global data, native functions, internal fillers, SWAIG includes, SWAIG query parameters, debug events,
/// the call flow around the AI, typed/untyped/secure/DataMap tools with every SWAIG field, contexts and
/// steps, per-request configuration, and FunctionResult actions. Its document validates against the
/// official SWML schema.
/// </summary>
public sealed class KitchenSinkAgent : AgentBase
{
    public KitchenSinkAgent(AgentOptions? options = null)
        : base(options ?? new AgentOptions { Name = "pizza", Route = "/pizza" })
    {
        // Prompt
        PromptAddSection("Role", "You are Tony, the voice of Tony's Pizza.");
        PromptAddSection("Rules", bullets: ["Confirm the order before placing it.", "Never read card numbers aloud."]);
        PromptAddSubsection("Rules", "Tone", "Warm and brief.");
        AddSecurityBoundaries("Only take pizza orders and answer menu questions.");
        SetPromptLlmParams(new LlmParams { Temperature = 0.4, TopP = 0.9 });
        SetPostPrompt("Summarize the order as JSON with the keys size, quantity and delivered.");
        SetPostPromptLlmParams(new LlmParams { MaxTokens = 300 });

        // Speech
        AddLanguage("English", "en-US", "elevenlabs.josh:eleven_turbo_v2_5", speechFillers: ["Um", "Let me see"], functionFillers: ["One moment"]);
        AddLanguage("Spanish", "es-ES", "rime.luna", speechFillers: ["Pues"]);
        SetLanguageParams("en-US", new VoiceParams(Stability: 0.5, Similarity: 0.8));
        SetMultilingual(new MultilingualSettings
        {
            Languages = [new MultilingualVoice("default", "rime.spore"), new MultilingualVoice("es", "luna", Engine: "rime")],
            Allowed = ["en", "es"],
        });
        AddHints("pepperoni", "calzone");
        AddPatternHint("large", "lar(ge|dge)", "large", ignoreCase: true);
        AddPronunciation("Tony's", "Toe-neez");

        // AI parameters and data
        SetEndOfSpeechTimeout(TimeSpan.FromMilliseconds(600));
        SetAttentionTimeout(TimeSpan.FromSeconds(20));
        SetLocalTimeZone("America/New_York");
        SetStaticGreeting("Thanks for calling Tony's Pizza!");
        SetSwaigPostConversation(true);
        SetGlobalData(new JsonObject { ["shop"] = "Tony's", ["open_until"] = "23:00" });
        SetNativeFunctions("check_time", "wait_seconds");
        SetInternalFillers("next_step", "en-US", "Moving on...");
        AddFunctionInclude(new Uri("https://tools.example.com/swaig"), ["loyalty_points"], new JsonObject { ["program"] = "gold" });
        AddSwaigQueryParams(new Dictionary<string, string> { ["shop"] = "downtown" });
        EnableDebugEvents(1);

        // Call flow
        AddPreAnswerVerb("play", new JsonObject { ["url"] = "ring:us" });
        SetAnswerConfig(maxDuration: 3600);
        EnableRecordCall("mp3", stereo: true);
        AddPostAnswerVerb("play", new JsonObject { ["url"] = "silence:1" });
        AddPostAiVerb("hangup", new JsonObject());

        // Tools
        DefineTool("check_menu", "List what is on the menu", null, CheckMenu, new ToolOptions
        {
            Fillers = new ToolFillers("en-US", "Checking the menu..."),
            WaitFile = new Uri("https://cdn.example.com/hold.mp3"),
            WaitFileLoops = 2,
            MetaData = new JsonObject { ["menu_version"] = 7 },
            MetaDataToken = "menu",
            RateLimit = ToolRateLimit.PerMinute(30),
        });
        DefineTool<OrderArgs>("place_order", "Place the confirmed order", PlaceOrder, new ToolOptions
        {
            Secure = true,
            RequiresConfirmation = true,
            RateLimit = ToolRateLimit.PerMinute(5),
        });
        DefineTool("transfer_to_manager", "Transfer the caller to the manager", null, (_, _, _) =>
            ValueTask.FromResult(new FunctionResult("Transferring you now.").Connect("+14155550100", final: true)));
        DefineDataMapTool(DataMapFactories.SimpleApiTool(
            "delivery_eta", "https://api.example.com/eta?zip=${enc:url:args.zip}", "Delivery takes about ${response.minutes} minutes.",
            [new DataMapParameter("zip", "string", "Delivery ZIP code", Required: true)], errorKeys: ["error"]));
        DefineDataMapTool(DataMapFactories.ExpressionTool(
            "store_hours", [("${args.day}", "/^sun/i", new FunctionResult("Sundays we open at noon.")), ("${args.day}", ".*", new FunctionResult("We open at 11."))],
            [new DataMapParameter("day", "string", "Day of the week", Required: true)]));

        // Structured workflow (schema-defined keys only, so the document validates)
        DefineContexts(contexts =>
        {
            var order = contexts.AddContext("default").AddSection("Goal", "Take a pizza order.").AddEnterFiller("en-US", ["Let's get your order started."]);
            order.AddStep("choose", task: "Help the caller choose.", bullets: ["Offer the specials", "Ask for size and quantity"],
                criteria: "Size and quantity are known", functions: ["check_menu"]).SetValidSteps(["confirm"]);
            order.AddStep("confirm").SetText("Read the order back and ask for confirmation.").SetFunctions(["place_order"])
                .SetValidSteps(["next"]).SetValidContexts(["support"]);
            order.AddStep("goodbye").SetText("Thank the caller.").SetEnd();
            contexts.AddContext("support").SetPrompt("Handle complaints kindly.").SetIsolated()
                .AddStep("listen", task: "Listen and offer the manager.").SetFunctions(["transfer_to_manager"]).SetValidContexts(["default"]);
        });

        // Per-request: the caller's branch and number personalise the prompt of this call only.
        OnRequest((request, copy, _) =>
        {
            if (request.Query.TryGetValue("branch", out var branch))
            {
                copy.PromptAddSection("Branch", $"You are answering for the {branch} branch.");
            }

            if (request.Call?.From is { } from)
            {
                copy.SetGlobalData(new JsonObject { ["caller"] = from });
            }

            return ValueTask.CompletedTask;
        });
        OnSummary((summary, _) =>
        {
            Orders.Enqueue(summary.Summary?.ToJsonString() ?? "(none)");
            return ValueTask.CompletedTask;
        });
        OnDebugEvent((debugEvent, _) =>
        {
            DebugEvents.Enqueue(debugEvent.EventType);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Summaries received (newest last).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Orders { get; } = new();

    /// <summary>Debug event types received.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> DebugEvents { get; } = new();

    private static ValueTask<FunctionResult> CheckMenu(JsonObject args, ToolCallContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FunctionResult("Margherita, pepperoni and the calzone special.")
            .UpdateGlobalData(new JsonObject { ["menu_read"] = true })
            .AddDynamicHints(["margherita"])
            .SetMetadata(new JsonObject { ["last_menu_call"] = context.CallId }));

    private static ValueTask<FunctionResult> PlaceOrder(OrderArgs args, ToolCallContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FunctionResult($"Order placed: {args.Quantity} {args.Size.ToString().ToLowerInvariant()} pizza(s).")
            .SendSms(context.CallerIdNumber ?? "+14155550111", "+14155550199", $"Tony's: your {args.Quantity} pizza(s) are on the way.")
            .ToggleFunctions(("place_order", false))
            .ChangeStep("goodbye"));
}
