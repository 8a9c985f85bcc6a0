using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Testing;

/// <summary>An agent whose tools record every invocation, so tests can prove a handler did or did not run.</summary>
public sealed class TestAgent : AgentBase
{
    public TestAgent(AgentOptions? options = null)
        : base(options ?? AgentTestServer.Options())
    {
        PromptAddSection("Role", "You test things.");
        SetPostPrompt("Summarize.");
        DefineTool("echo", "Echo the arguments", new JsonObject { ["text"] = new JsonObject { ["type"] = "string" } }, Echo);
        DefineTool("secret_action", "A secure action", null, Record("secret_action", "done"), secure: true);
        DefineTool("other_secret", "Another secure action", null, Record("other_secret", "other done"), secure: true);
        DefineTool("explode", "Always fails", null, (_, _, _) => throw new InvalidOperationException("database password is hunter2"));
        DefineTool("book", "Book a table", BookSchema, Record("book", "booked"), new ToolOptions { RateLimit = new ToolRateLimit(2, TimeSpan.FromMinutes(1)) });
        DefineTool("wire_money", "Wire money", WireSchema, Record("wire_money", "wired"), new ToolOptions
        {
            Sensitive = true,
            RequiresConfirmation = true,
            ConfirmationSummary = args => $"wire {args["amount"]} dollars",
            SensitiveParameters = ["iban"],
        });
        DefineTool("slow", "Never finishes on its own", null, async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new FunctionResult("unreachable");
        });
        OnSummary((summary, _) =>
        {
            Summaries.Add(summary);
            return summary.Summary?["fail"] is not null ? throw new InvalidOperationException("summary failure") : ValueTask.CompletedTask;
        });
    }

    public static readonly JsonObject BookSchema = JsonNode.Parse("""
        {"type":"object","additionalProperties":false,"required":["guests","name"],
         "properties":{"guests":{"type":"integer","minimum":1,"maximum":10},"name":{"type":"string","minLength":2},
                       "card":{"type":"object","properties":{"card_number":{"type":"string"},"holder":{"type":"string"}}}}}
        """)!.AsObject();

    public static readonly JsonObject WireSchema = JsonNode.Parse("""
        {"type":"object","required":["amount","iban"],"properties":{"amount":{"type":"number","exclusiveMinimum":0},"iban":{"type":"string"}}}
        """)!.AsObject();

    public ConcurrentQueue<(string Function, JsonObject Args, ToolCallContext Context)> Calls { get; } = new();

    public ConcurrentBag<PostPromptSummary> Summaries { get; } = [];

    private ValueTask<FunctionResult> Echo(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("echo", args, context));
        return ValueTask.FromResult(new FunctionResult($"echo: {args["text"]}").Say("hi"));
    }

    private ToolHandler Record(string name, string response) => (args, context, _) =>
    {
        Calls.Enqueue((name, args, context));
        return ValueTask.FromResult(new FunctionResult(response));
    };
}
