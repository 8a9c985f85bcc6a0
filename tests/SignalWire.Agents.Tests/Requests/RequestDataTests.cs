using System.Text.Json.Nodes;
using SignalWire.Agents.Requests;

namespace SignalWire.Agents.Tests.Requests;

public sealed class RequestDataTests
{
    private const string SwaigBody = """
        {
          "app_name": "swml app", "function": "get_weather", "purpose": "Get the weather",
          "argument": {"parsed": [{"location": "Paris"}], "raw": "{\"location\":\"Paris\"}", "substituted": ""},
          "call_id": "c-123", "ai_session_id": "s-1", "conversation_id": "conv-1",
          "caller_id_name": "Alice", "caller_id_num": "+15551234567",
          "global_data": {"tier": "gold"}, "meta_data_token": "mdt", "meta_data": {"k": 1},
          "project_id": "p-1", "space_id": "sp-1",
          "call_log": [{"role": "system", "content": "You are..."}, {"role": "user", "content": "Weather?", "latency": 12}, "junk"],
          "raw_call_log": [],
          "SWMLVars": {"userVariables": {}}, "SWMLCall": {"call_id": "c-123"},
          "something_new": {"x": 1}
        }
        """;

    [Fact]
    public void Tool_context_exposes_every_documented_field()
    {
        var context = new ToolCallContext(new AgentBase(new AgentOptions()), "get_weather", SwaigRequest.FromJson(JsonNode.Parse(SwaigBody)!.AsObject()));

        Assert.Equal(("c-123", "s-1", "conv-1", "Alice", "+15551234567"), (context.CallId, context.AiSessionId, context.ConversationId, context.CallerIdName, context.CallerIdNumber));
        Assert.Equal(("swml app", "p-1", "sp-1", "mdt"), (context.AppName, context.ProjectId, context.SpaceId, context.MetaDataToken));
        Assert.Equal("gold", context.GlobalData!["tier"]!.GetValue<string>());
        Assert.Equal(1, context.MetaData!["k"]!.GetValue<int>());
        Assert.Equal("c-123", context.SwmlCall!["call_id"]!.GetValue<string>());
        Assert.NotNull(context.SwmlVars!["userVariables"]);
        Assert.Equal([("system", "You are..."), ("user", "Weather?")], context.CallLog!.Select(m => (m.Role, m.Content)));
        Assert.Equal(12, context.CallLog![1].Raw["latency"]!.GetValue<int>());
        Assert.Empty(context.RawCallLog!);
        Assert.Equal(1, context.Request["something_new"]!["x"]!.GetValue<int>());
    }

    [Fact]
    public void Mistyped_or_missing_fields_are_null_not_errors()
    {
        var context = new ToolCallContext(new AgentBase(new AgentOptions()), "f", SwaigRequest.FromJson(JsonNode.Parse("""{"call_id": 42, "global_data": "nope", "call_log": {"role": "x"}}""")!.AsObject()));

        Assert.Null(context.CallId);
        Assert.Null(context.GlobalData);
        Assert.Null(context.CallLog);
        Assert.Null(context.SwmlVars);
    }

    [Fact]
    public void Swml_fetch_call_is_typed()
    {
        var body = JsonNode.Parse("""
            {"call": {"call_id": "c-1", "node_id": "n", "segment_id": "seg", "call_session_id": "cs", "tag": "t", "state": "created",
                      "direction": "inbound", "type": "sip", "from": "+15559876543", "to": "sip:support@example.sip.signalwire.com",
                      "headers": {"X-Custom": "1"}, "project_id": "p", "space_id": "s", "timeout": 30, "max_duration": 14400,
                      "answer_on_bridge": false, "hangup_after_bridge": true, "created_at": "2026-11-25T04:00:00Z", "extra": true},
             "vars": {"userVariables": {"lang": "es"}}, "envs": {}}
            """)!.AsObject();
        var request = new AgentRequest(new Dictionary<string, string>(), body, new Dictionary<string, string>());

        var call = request.Call!;
        Assert.Equal(("c-1", "n", "seg", "cs", "t", "created"), (call.CallId, call.NodeId, call.SegmentId, call.CallSessionId, call.Tag, call.State));
        Assert.Equal(("inbound", "sip", "+15559876543", "sip:support@example.sip.signalwire.com"), (call.Direction, call.Type, call.From, call.To));
        Assert.Equal(("p", "s", 30, 14400, false, true), (call.ProjectId, call.SpaceId, call.Timeout, call.MaxDuration, call.AnswerOnBridge, call.HangupAfterBridge));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero), call.CreatedAt);
        Assert.Null(call.UpdatedAt);
        Assert.Equal("1", call.Headers!["X-Custom"]!.GetValue<string>());
        Assert.True(call.Raw["extra"]!.GetValue<bool>());
        Assert.Equal("es", request.UserVariables!["lang"]!.GetValue<string>());
        Assert.Null(new AgentRequest(new Dictionary<string, string>(), null, new Dictionary<string, string>()).Call);
        Assert.Null(CallInfo.FromFetchBody(JsonNode.Parse("""{"call": "x"}""")!.AsObject()));
    }
}
