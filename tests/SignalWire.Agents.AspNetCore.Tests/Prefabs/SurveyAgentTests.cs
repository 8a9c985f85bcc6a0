using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SignalWire.Agents.Prefabs;

namespace SignalWire.Agents.AspNetCore.Tests.Prefabs;

public sealed class SurveyAgentTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Id, string Value)> _recorded = new();
    private AgentTestServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await AgentTestServer.StartAsync(new SurveyAgent(new SurveyOptions
        {
            SurveyName = "Customer Satisfaction",
            BrandName = "Example Corp",
            Questions =
            [
                new("overall", "How satisfied were you overall?", SurveyQuestionType.Rating, Scale: 5),
                new("channel", "How did you contact us?", SurveyQuestionType.MultipleChoice, ["Phone", "Email", "Chat"]),
                new("recommend", "Would you recommend us?", SurveyQuestionType.YesNo),
                new("comments", "Anything else?", SurveyQuestionType.OpenEnded, Required: false),
            ],
            OnResponse = (id, value, _, _) => { _recorded.Enqueue((id, value)); return ValueTask.CompletedTask; },
            Agent = PrefabTest.Options("survey", "/survey"),
        }));
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private Task<string> Call(string function, string id, string response, JsonObject? globalData = null) =>
        _client.CallAsync("/survey", function, new() { ["question_id"] = id, ["response"] = response }, globalData);

    [Fact]
    public Task The_document_matches_its_golden_copy() => PrefabTest.AssertGoldenAsync(_server, _client, "/survey", "survey");

    [Theory]
    [InlineData("overall", "4", "The answer to overall is valid (4). Record it with log_response.")]
    [InlineData("overall", "6", "The answer to overall is not valid: the answer must be a whole number from 1 to 5. Ask again.")]
    [InlineData("overall", "four", "The answer to overall is not valid: the answer must be a whole number from 1 to 5. Ask again.")]
    [InlineData("channel", " email ", "The answer to channel is valid (Email). Record it with log_response.")]
    [InlineData("channel", "fax", "The answer to channel is not valid: the answer must be one of: Phone, Email, Chat. Ask again.")]
    [InlineData("recommend", "Yes", "The answer to recommend is valid (yes). Record it with log_response.")]
    [InlineData("recommend", "maybe", "The answer to recommend is not valid: the answer must be yes or no. Ask again.")]
    [InlineData("comments", "", "The answer to comments is valid (). Record it with log_response.")]
    public async Task Answers_are_checked_against_their_question(string id, string response, string expected)
    {
        Assert.Equal(new JsonObject { ["response"] = expected }.ToWireJson(), await Call("validate_response", id, response));
        Assert.Empty(_recorded);
    }

    [Fact]
    public async Task Only_valid_answers_are_recorded_normalised_and_kept_in_global_data()
    {
        Assert.Equal(
            """{"response":"Recorded the answer to channel. Go on with the next question.","action":[{"set_global_data":{"responses":{"overall":"4","channel":"Chat"}}}]}""",
            await Call("log_response", "channel", "CHAT", new JsonObject { ["responses"] = new JsonObject { ["overall"] = "4" } }));
        Assert.Equal(
            """{"response":"Not recorded: the answer to overall is not valid: the answer must be a whole number from 1 to 5. Ask again."}""",
            await Call("log_response", "overall", "11"));

        Assert.Equal([("channel", "Chat")], _recorded);
    }

    [Fact]
    public async Task An_unknown_question_is_refused_by_the_schema()
    {
        Assert.Equal(
            """{"response":"The arguments for log_response are invalid: question_id must be one of: \"overall\", \"channel\", \"recommend\", \"comments\". Ask the caller for the correct value and try again."}""",
            await Call("log_response", "salary", "lots"));
    }

    [Fact]
    public void Invalid_surveys_are_refused_at_construction()
    {
        Assert.Equal("Survey question 'pick' is multiple choice and needs at least two non-empty options. (Parameter 'questions')",
            Assert.Throws<ArgumentException>(() => new SurveyAgent(new SurveyOptions { SurveyName = "S", Questions = [new("pick", "Pick", SurveyQuestionType.MultipleChoice, ["only"])] })).Message);
        Assert.Equal("Survey question 'r': a rating scale runs from 1 to 2..10 (got 11). (Parameter 'questions')",
            Assert.Throws<ArgumentException>(() => new SurveyAgent(new SurveyOptions { SurveyName = "S", Questions = [new("r", "Rate", SurveyQuestionType.Rating, Scale: 11)] })).Message);
        Assert.Throws<ArgumentException>(() => new SurveyAgent(new SurveyOptions { Questions = [new("r", "Rate", SurveyQuestionType.Rating)] }));
    }
}
