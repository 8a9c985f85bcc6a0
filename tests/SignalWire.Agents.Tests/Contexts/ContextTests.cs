using System.Text.Json.Nodes;
using SignalWire.Agents.Contexts;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Contexts;

public sealed class ContextTests
{
    private static readonly ToolHandler Noop = (_, _, _) => ValueTask.FromResult(new FunctionResult());

    private static AgentBase NewAgent() => new AgentBase(new AgentOptions { Name = "pizza", BasicAuthUser = "u", BasicAuthPassword = "p", SwaigSecret = "s" })
        .PromptAddSection("Role", "You take pizza orders.")
        .DefineTool("add_item", "Adds an item", null, Noop)
        .DefineTool("place_order", "Places the order", null, Noop);

    private static JsonObject Prompt(AgentBase agent)
    {
        var json = AgentDocumentRenderer.RenderToString(agent, "https://u:p@h", "c-1");
        SwmlSchema.AssertValid(json);
        return JsonNode.Parse(json)!["sections"]!["main"]![1]!["ai"]!["prompt"]!.AsObject();
    }

    [Fact]
    public void Schema_defined_workflow_renders_inside_the_prompt_and_validates()
    {
        var agent = NewAgent().DefineContexts(contexts =>
        {
            var main = contexts.AddContext("default").AddSection("Goal", "Take the order.").SetIsolated().AddEnterFiller("en-US", ["Let's start."]);
            main.AddStep("greet", task: "Greet the caller.", bullets: ["Say the shop's name", "Ask for the order"], criteria: "The caller said what they want")
                .SetValidSteps(["order"]);
            main.AddStep("order").SetText("Take the order item by item.").SetFunctions(["add_item"]).SetValidSteps(["next"]).SetValidContexts(["checkout"]);
            contexts.AddContext("checkout").SetPrompt("Finish the order.").AddExitFiller("default", ["Thanks!"])
                .AddStep("pay", task: "Confirm and place the order.").SetFunctions(["place_order"]).SetEnd().SetSkipUserTurn();
        });

        var prompt = Prompt(agent);

        Assert.Equal(["pom", "contexts"], prompt.Select(p => p.Key));
        Assert.Equal(
            """{"default":{"steps":[{"name":"greet","text":"## Task\nGreet the caller.\n\n## Process\n- Say the shop's name\n- Ask for the order","step_criteria":"The caller said what they want","valid_steps":["order"]},"""
            + """{"name":"order","text":"Take the order item by item.","functions":["add_item"],"valid_steps":["next"],"valid_contexts":["checkout"]}],"isolated":true,"pom":[{"title":"Goal","body":"Take the order."}],"enter_fillers":[{"en-US":["Let's start."]}]},"checkout":"""
            + """{"steps":[{"name":"pay","text":"## Task\nConfirm and place the order.","functions":["place_order"],"end":true,"skip_user_turn":true}],"text":"Finish the order.","exit_fillers":[{"default":["Thanks!"]}]}}""",
            prompt["contexts"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Platform_extensions_need_an_explicit_opt_in()
    {
        var builder = new ContextBuilder();
        var main = builder.AddContext("default").SetSystemPrompt("You are precise.").SetInitialStep("collect");
        main.AddStep("collect").SetText("Collect details.")
            .SetGatherInfo(outputKey: "caller", completionAction: "next_step", prompt: "Ask one thing at a time.")
            .AddGatherQuestion("name", "What is your name?")
            .AddGatherQuestion("age", "How old are you?", type: "integer", confirm: true, functions: ["add_item"], isolated: false);
        main.AddStep("done").SetText("Thank the caller.").SetResetConsolidate().SetHistory(ContextHistory.Hide).SetSkipToNextStep();

        var refused = Assert.Throws<AgentConfigurationException>(() => NewAgent().DefineContexts(builder));
        Assert.Equal(
            "context 'default' uses initial_step, system_prompt; step 'default/collect' uses gather_info; step 'default/done' uses skip_to_next_step, history, reset: not defined by the official SWML schema. Call AllowPlatformExtensions() to render them anyway (the document will then not validate against the schema).",
            refused.Message);

        var json = builder.AllowPlatformExtensions().ToJson(["add_item"]);
        Assert.Equal(
            """{"default":{"steps":[{"name":"collect","text":"Collect details.","gather_info":{"questions":[{"key":"name","question":"What is your name?"},{"key":"age","question":"How old are you?","type":"integer","confirm":true,"functions":["add_item"],"isolated":false}],"prompt":"Ask one thing at a time.","output_key":"caller","completion_action":"next_step"}},"""
            + """{"name":"done","text":"Thank the caller.","skip_to_next_step":true,"history":"hide","reset":{"consolidate":true}}],"initial_step":"collect","system_prompt":"You are precise."}}""",
            json.ToJsonString());
    }

    [Theory]
    [InlineData("no-default", "A context named 'default' is required: the conversation starts there. Found: sales.")]
    [InlineData("empty", "Context 'default' has no steps.")]
    [InlineData("bad-initial", "Context 'default': initial step 'nope' is not one of its steps (a).")]
    [InlineData("bad-valid-step", "Context 'default', step 'a': valid step 'b' is neither 'next' nor a step of the context.")]
    [InlineData("bad-valid-context", "Context 'default', step 'a': valid context 'billing' does not exist.")]
    [InlineData("gather-no-questions", "Context 'default', step 'a': gather_info needs at least one question.")]
    [InlineData("gather-duplicate", "Context 'default', step 'a': gather_info asks for key 'k' more than once.")]
    [InlineData("gather-next-on-last", "Context 'default', step 'a': gather_info completes with next_step, but it is the last step.")]
    [InlineData("gather-unknown-target", "Context 'default', step 'a': gather_info completion action 'x' is neither next_step nor a step of the context.")]
    public void Invalid_workflows_are_refused_with_the_reason(string scenario, string message)
    {
        var builder = new ContextBuilder().AllowPlatformExtensions();
        var main = builder.AddContext(scenario == "no-default" ? "sales" : "default");
        if (scenario != "empty")
        {
            var step = main.AddStep("a").SetText("Do a.");
            _ = scenario switch
            {
                "bad-initial" => (object)main.SetInitialStep("nope"),
                "bad-valid-step" => step.SetValidSteps(["b"]),
                "bad-valid-context" => step.SetValidContexts(["billing"]),
                "gather-no-questions" => step.SetGatherInfo(),
                "gather-duplicate" => step.SetGatherInfo().AddGatherQuestion("k", "Q1?").AddGatherQuestion("k", "Q2?"),
                "gather-next-on-last" => step.SetGatherInfo(completionAction: "next_step").AddGatherQuestion("k", "Q?"),
                "gather-unknown-target" => step.SetGatherInfo(completionAction: "x").AddGatherQuestion("k", "Q?"),
                _ => step,
            };
        }

        Assert.Equal(message, Assert.Throws<AgentConfigurationException>(() => builder.Validate()).Message);
    }

    [Fact]
    public void Builder_misuse_fails_at_the_call()
    {
        var builder = new ContextBuilder();
        var main = builder.AddContext("default");
        var step = main.AddStep("a").SetText("x");

        Assert.Equal("Context 'default' already exists. (Parameter 'name')", Assert.Throws<ArgumentException>(() => builder.AddContext("default")).Message);
        Assert.Equal("Step 'a' already exists in context 'default'. (Parameter 'name')", Assert.Throws<ArgumentException>(() => main.AddStep("a")).Message);
        Assert.Throws<ArgumentException>(() => main.AddStep("next"));
        Assert.Throws<InvalidOperationException>(() => step.AddSection("T", "b"));
        Assert.Throws<InvalidOperationException>(() => main.AddStep("b").AddBullets("T", ["x"]).SetText("y"));
        Assert.Throws<InvalidOperationException>(() => main.SetPrompt("p").AddSection("T", "b"));
        Assert.Throws<InvalidOperationException>(() => main.AddStep("c").AddGatherQuestion("k", "q"));
        Assert.Throws<ArgumentException>(() => main.AddEnterFiller("en-US", [" "]));
    }

    [Fact]
    public void Steps_can_be_moved_and_removed()
    {
        var main = new ContextBuilder().AddContext("default");
        main.AddStep("a").SetText("a");
        main.AddStep("b").SetText("b");
        main.AddStep("c").SetText("c");

        main.MoveStep("c", 0);
        Assert.True(main.RemoveStep("b"));
        Assert.False(main.RemoveStep("b"));

        Assert.Equal(["c", "a"], main.Steps.Select(s => s.Name));
        Assert.Throws<ArgumentException>(() => main.MoveStep("zzz", 0));
    }

    [Fact]
    public void Limits_are_enforced()
    {
        var builder = new ContextBuilder();
        for (var i = 0; i < ContextBuilder.MaxContexts; i++)
        {
            builder.AddContext(i == 0 ? "default" : $"c{i}");
        }

        var context = builder.Contexts[0];
        for (var i = 0; i < Context.MaxSteps; i++)
        {
            context.AddStep($"s{i}");
        }

        Assert.Throws<ArgumentException>(() => builder.AddContext("one-too-many"));
        Assert.Throws<ArgumentException>(() => context.AddStep("one-too-many"));
    }

    [Fact]
    public void Tool_references_are_checked_against_the_agent_when_it_renders()
    {
        var agent = NewAgent().DefineContexts(c => c.AddContext("default").AddStep("a").SetText("a").SetFunctions(["refund", "next_step", "check_time"]));

        var dangling = Assert.Throws<AgentConfigurationException>(agent.ValidateConfiguration);
        Assert.Equal("Context 'default', step 'a' uses function 'refund', which the agent does not define. Tools: add_item, place_order.", dangling.Message);

        agent.DefineTool("refund", "Refunds", null, Noop);
        agent.ValidateConfiguration();
        Assert.Equal(["refund", "next_step", "check_time"], Prompt(agent)["contexts"]!["default"]!["steps"]![0]!["functions"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Theory]
    [InlineData("next_step")]
    [InlineData("change_context")]
    [InlineData("gather_submit")]
    public void Tools_may_not_take_the_names_contexts_reserve(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => NewAgent().DefineTool(name, "Mine", null, Noop));

        Assert.Equal($"Tool name '{name}' is reserved by the platform. (Parameter 'name')", error.Message);
        Assert.Contains(name, ContextBuilder.ReservedToolNames);
    }

    [Fact]
    public void Later_builder_changes_are_not_seen_until_defined_again()
    {
        var builder = new ContextBuilder();
        var step = builder.AddContext("default").AddStep("a").SetText("first");
        var agent = NewAgent().DefineContexts(builder);

        step.ClearSections().SetText("second");
        Assert.Equal("first", Prompt(agent)["contexts"]!["default"]!["steps"]![0]!["text"]!.GetValue<string>());

        agent.DefineContexts(builder);
        Assert.Equal("second", Prompt(agent)["contexts"]!["default"]!["steps"]![0]!["text"]!.GetValue<string>());
        Assert.False(agent.ClearContexts().HasContexts);
        Assert.Null(Prompt(agent)["contexts"]);
    }
}
