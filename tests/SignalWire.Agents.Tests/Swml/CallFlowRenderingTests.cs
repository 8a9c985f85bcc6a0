using System.Text.Json.Nodes;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Swml;

public sealed class CallFlowRenderingTests
{
    private static AgentBase NewAgent(bool autoAnswer = true) =>
        new(new AgentOptions { Name = "flow", AutoAnswer = autoAnswer, BasicAuthUser = "u", BasicAuthPassword = "p", SwaigSecret = "s" });

    private static JsonArray MainSection(AgentBase agent)
    {
        var json = AgentDocumentRenderer.RenderToString(agent, "https://u:p@a.example.com", "c");
        SwmlSchema.AssertValid(json);
        return JsonNode.Parse(json)!["sections"]!["main"]!.AsArray();
    }

    [Fact]
    public void Verbs_run_in_order_around_the_ai()
    {
        var agent = NewAgent()
            .AddPreAnswerVerb("set", new JsonObject { ["greeted"] = false })
            .SetAnswerConfig(maxDuration: 3600)
            .EnableRecordCall("mp3", stereo: false)
            .AddPostAnswerVerb("play", new JsonObject { ["url"] = "say:Welcome to Acme." })
            .AddPostAnswerVerb("sleep", 500)
            .AddPostAiVerb("hangup", new JsonObject());

        var main = MainSection(agent);

        Assert.Equal(["set", "answer", "record_call", "play", "sleep", "ai", "hangup"], main.Select(v => v!.AsObject().Single().Key));
        Assert.Equal("""{"answer":{"max_duration":3600}}""", main[1]!.ToWireJson());
        Assert.Equal("""{"record_call":{"format":"mp3","stereo":false}}""", main[2]!.ToWireJson());
        Assert.Equal("""{"sleep":500}""", main[4]!.ToWireJson());
    }

    [Fact]
    public void Without_auto_answer_there_is_no_answer_verb()
    {
        var main = MainSection(NewAgent(autoAnswer: false).AddPreAnswerVerb("play", new JsonObject { ["url"] = "say:Hello", ["auto_answer"] = false }));
        Assert.Equal(["play", "ai"], main.Select(v => v!.AsObject().Single().Key));
    }

    [Fact]
    public void Unsafe_or_unknown_verbs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NewAgent().AddPreAnswerVerb("record", new JsonObject()));
        Assert.Throws<ArgumentException>(() => NewAgent().AddPostAnswerVerb("dance", new JsonObject()));
        Assert.Throws<ArgumentException>(() => NewAgent().AddPostAiVerb("ai", new JsonObject()));
        Assert.Throws<ArgumentException>(() => NewAgent().AddPostAnswerVerb("sleep", new JsonObject()));
        Assert.Throws<ArgumentException>(() => NewAgent().AddPostAnswerVerb("play", 5));
        Assert.Throws<ArgumentException>(() => NewAgent().EnableRecordCall("ogg"));
    }
}
