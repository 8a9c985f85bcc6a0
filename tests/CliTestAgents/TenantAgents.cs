using SignalWire.Agents;
using SignalWire.Agents.DataMaps;

namespace CliTestAgents;

/// <summary>Agents that need set-up a parameterless constructor cannot express, made by marked factories.</summary>
public static class TenantAgents
{
    /// <summary>A weather agent with DataMap tools, a counting tool, and a prompt section chosen per request by <c>?tenant=</c> and <c>X-Region</c>.</summary>
    [AgentFactory(Name = "weather")]
    public static AgentBase CreateWeather()
    {
        var agent = new AgentBase(new AgentOptions { Name = "weather", Route = "/weather" });
        agent.PromptAddSection("Role", "You tell callers the weather.");
        agent.DefineDataMapTool(new DataMap("get_weather")
            .Purpose("Current weather for a city")
            .Parameter("city", "string", "City name", required: true)
            .Webhook("GET", (Environment.GetEnvironmentVariable("WEATHER_API_BASE") ?? "https://api.example.com") + "/weather?q=${enc:url:args.city}&units=%{lc:args.units}",
                new Dictionary<string, string> { ["Authorization"] = "Bearer sk-live-123", ["Accept"] = "application/json" })
            .Output(new FunctionResult("It is ${response.temp} in ${args.city}."))
            .FallbackOutput(new FunctionResult("The weather service is unavailable.")));
        agent.DefineDataMapTool(new DataMap("greet")
            .Purpose("Greets in a language")
            .Parameter("language", "string", "Language", required: true)
            .Expression("${args.language}", "/^fr/i", new FunctionResult("Bonjour !"))
            .Expression("${args.language}", ".*", new FunctionResult("Hello!")));
        agent.DefineTool("count_items", "Counts items", new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "object",
            ["properties"] = new System.Text.Json.Nodes.JsonObject
            {
                ["items"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "array", ["items"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "integer" } },
                ["exact"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "boolean" },
            },
            ["required"] = new System.Text.Json.Nodes.JsonArray("items"),
        }, (args, context, ct) => ValueTask.FromResult(new FunctionResult(
            $"{args["items"]!.AsArray().Sum(i => i!.GetValue<long>())} in total, exact={args["exact"]?.GetValue<bool>() ?? false}, call {context.CallId}")));
        agent.OnRequest((request, copy, ct) =>
        {
            var tenant = request.Query.TryGetValue("tenant", out var t) ? t : "none";
            var region = request.Headers.TryGetValue("X-Region", out var r) ? r : "none";
            copy.PromptAddSection("Tenant", $"Tenant {tenant} in region {region}.");
            if (request.Body?["vars"]?["userVariables"]?["plan"]?.GetValue<string>() is { } plan)
            {
                copy.PromptAddSection("Plan", $"Caller plan {plan}.");
            }

            return ValueTask.CompletedTask;
        });
        return agent;
    }
}
