using System.Text.Json.Nodes;
using IntakeFormExample;

namespace Examples.Tests;

/// <summary>examples/IntakeForm over real HTTP: a whole intake, with the call's global data carried as the platform carries it.</summary>
public sealed class IntakeFormTests
{
    [Fact]
    public async Task A_whole_intake_asks_each_question_in_order_and_hands_over_every_answer()
    {
        IReadOnlyDictionary<string, string>? handedOver = null;
        await using var server = await AgentTestServer.StartAsync(Intake.Create(AgentTestServer.Options("intake"), answers =>
        {
            handedOver = answers;
            return ValueTask.CompletedTask;
        }));
        using var client = server.CreateClient();
        var globalData = (await client.FetchSwmlAsync("call-1")).Ai()["global_data"]!.AsObject();

        var first = await CallAsync(client, "start_questions", [], globalData);
        Assert.StartsWith("Ask the caller: \"What is your full name?\"", first["response"]!.GetValue<string>(), StringComparison.Ordinal);

        string[] answers = ["Ada Lovelace", "10 December 1815", "A check-up", "Example Health"];
        string?[] next = ["What is your date of birth?", "What is the reason for your visit?", "Who is your insurance provider?", null];
        for (var i = 0; i < answers.Length; i++)
        {
            var reply = await CallAsync(client, "submit_answer", new JsonObject { ["answer"] = answers[i] }, globalData);
            var text = reply["response"]!.GetValue<string>();
            if (next[i] is { } question)
            {
                Assert.StartsWith($"Ask the caller: \"{question}\"", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("Thank you! All questions have been answered. Let the caller know and ask whether there is anything else.", text);
            }
        }

        Assert.Equal(
            [("full_name", "Ada Lovelace"), ("date_of_birth", "10 December 1815"), ("reason", "A check-up"), ("insurance", "Example Health")],
            handedOver!.Select(a => (a.Key, a.Value)));
    }

    /// <summary>Calls <paramref name="function"/> with the call's global data, then merges what the result sets into it, as the platform does.</summary>
    private static async Task<JsonObject> CallAsync(HttpClient client, string function, JsonObject arguments, JsonObject globalData)
    {
        var body = SwaigRequests.Call(function, arguments);
        body["global_data"] = globalData.DeepClone();
        using var response = await client.PostJsonAsync("/swaig", body);
        var result = await response.ReadJsonAsync();
        foreach (var action in result["action"]?.AsArray() ?? [])
        {
            foreach (var (key, value) in action!["set_global_data"]?.AsObject() ?? [])
            {
                globalData[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
