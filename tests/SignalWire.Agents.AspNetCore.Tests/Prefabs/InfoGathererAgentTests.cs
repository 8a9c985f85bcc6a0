using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SignalWire.Agents.Prefabs;

namespace SignalWire.Agents.AspNetCore.Tests.Prefabs;

public sealed class InfoGathererAgentTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _completed = new();
    private AgentTestServer _server = null!;
    private HttpClient _client = null!;

    private static readonly InfoQuestion[] Questions = [new("full_name", "What is your full name?"), new("email", "What is your email address?", Confirm: true)];

    public async ValueTask InitializeAsync()
    {
        _server = await AgentTestServer.StartAsync(new InfoGathererAgent(new InfoGathererOptions
        {
            Questions = Questions,
            OnCompleted = (answers, _, _) => { _completed.Enqueue(answers); return ValueTask.CompletedTask; },
            Agent = PrefabTest.Options("info_gatherer", "/info_gatherer"),
        }));
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private static JsonObject State(int index, params (string Key, string Answer)[] answers) => new()
    {
        ["questions"] = JsonNode.Parse("""[{"key_name":"full_name","question_text":"What is your full name?","confirm":false},{"key_name":"email","question_text":"What is your email address?","confirm":true}]"""),
        ["question_index"] = index,
        ["answers"] = new JsonArray([.. answers.Select(a => (JsonNode)new JsonObject { ["key_name"] = a.Key, ["answer"] = a.Answer })]),
    };

    [Fact]
    public Task The_document_matches_its_golden_copy() => PrefabTest.AssertGoldenAsync(_server, _client, "/info_gatherer", "info_gatherer");

    [Fact]
    public async Task Questions_are_asked_in_order_and_the_answers_recorded()
    {
        Assert.Equal(
            """{"response":"Ask the caller: \"What is your full name?\". Once you have the answer, call submit_answer with it. You do not need the caller to confirm it.","action":[{"replace_in_history":"Welcome! Let me ask you a few questions."}]}""",
            await _client.CallAsync("/info_gatherer", "start_questions", globalData: State(0)));
        Assert.Equal(
            """{"response":"Ask the caller: \"What is your email address?\". Once you have the answer, call submit_answer with it. Read the answer back and insist on confirmation until the caller says it is correct, then submit it.","action":[{"replace_in_history":true},{"set_global_data":{"answers":[{"key_name":"full_name","answer":"Ada Lovelace"}],"question_index":1}}]}""",
            await _client.CallAsync("/info_gatherer", "submit_answer", new() { ["answer"] = " Ada Lovelace " }, State(0)));
        Assert.Equal(
            """{"response":"Thank you! All questions have been answered. Let the caller know and ask whether there is anything else.","action":[{"replace_in_history":true},{"set_global_data":{"answers":[{"key_name":"full_name","answer":"Ada Lovelace"},{"key_name":"email","answer":"ada@example.com"}],"question_index":2}}]}""",
            await _client.CallAsync("/info_gatherer", "submit_answer", new() { ["answer"] = "ada@example.com" }, State(1, ("full_name", "Ada Lovelace"))));

        var answers = Assert.Single(_completed);
        Assert.Equal(new Dictionary<string, string> { ["full_name"] = "Ada Lovelace", ["email"] = "ada@example.com" }, answers);
        Assert.Equal("""{"response":"All questions have already been answered."}""", await _client.CallAsync("/info_gatherer", "submit_answer", new() { ["answer"] = "x" }, State(2)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"questions":"not a list","question_index":0}""")]
    [InlineData("""{"questions":[{"key_name":"Bad Key","question_text":"?"}],"question_index":0}""")]
    [InlineData("""{"questions":[{"key_name":"a","question_text":"?"}],"question_index":7}""")]
    [InlineData("""{"questions":[{"key_name":"a","question_text":"?"}],"question_index":-1}""")]
    public async Task Missing_or_tampered_state_is_refused_without_running_anything(string? state)
    {
        var text = await _client.CallAsync("/info_gatherer", "submit_answer", new() { ["answer"] = "x" }, state is null ? null : JsonNode.Parse(state)!.AsObject());

        Assert.Equal("""{"response":"The questions for this call could not be found. Apologise and offer to take a message instead."}""", text);
        Assert.Empty(_completed);
    }

    [Fact]
    public async Task An_empty_answer_is_refused_by_the_schema()
    {
        Assert.Equal(
            """{"response":"The arguments for submit_answer are invalid: answer must be at least 1 characters long. Ask the caller for the correct value and try again."}""",
            await _client.CallAsync("/info_gatherer", "submit_answer", new() { ["answer"] = "" }, State(0)));
    }

    [Fact]
    public async Task Questions_can_be_chosen_per_request()
    {
        await using var server = await AgentTestServer.StartAsync(new InfoGathererAgent(new InfoGathererOptions
        {
            QuestionsForRequest = (request, _) => ValueTask.FromResult<IReadOnlyList<InfoQuestion>>(request.Query.GetValueOrDefault("form") == "short"
                ? [new("name", "Your name?")]
                : Questions),
            Agent = PrefabTest.Options("info_gatherer", "/info_gatherer"),
        }));
        using var client = server.CreateClient();

        var shortForm = (await client.FetchSwmlAsync("call-1", "/info_gatherer?form=short")).Ai()["global_data"]!;
        var longForm = (await client.FetchSwmlAsync("call-2", "/info_gatherer")).Ai()["global_data"]!;

        Assert.Equal("""{"questions":[{"key_name":"name","question_text":"Your name?","confirm":false}],"question_index":0,"answers":[]}""", shortForm.ToWireJson());
        Assert.Equal(2, longForm["questions"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("Bad Key", "Question 'Bad Key': key_name must match [a-z_][a-z0-9_]* and question_text must not be empty. (Parameter 'questions')")]
    [InlineData("dup", "Question key_name 'dup' is used twice. (Parameter 'questions')")]
    public void Invalid_questions_are_refused_at_construction(string key, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new InfoGathererAgent(new InfoGathererOptions { Questions = [new("dup", "First?"), new(key, "Second?")] }));
        Assert.Equal(message, error.Message);
        Assert.Throws<ArgumentException>(() => new InfoGathererAgent(new InfoGathererOptions()));
    }
}
