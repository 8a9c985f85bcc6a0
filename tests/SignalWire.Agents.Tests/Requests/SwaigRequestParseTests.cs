using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Requests;

namespace SignalWire.Agents.Tests.Requests;

public sealed class SwaigRequestParseTests
{
    private static SwaigRequest Parse(string json) => SwaigRequest.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_every_field_in_one_pass_and_keeps_the_unknown_ones()
    {
        var request = Parse("""
            {"function": "book", "call_id": "c-1", "caller_id_num": "+15550001111", "caller_id_name": "Ann",
             "ai_session_id": "s", "app_name": "a", "meta_data_token": "m", "conversation_id": "cv", "project_id": "p",
             "space_id": "sp", "content_type": "text/swaig", "version": "2.0", "purpose": "book it",
             "argument": {"parsed": [{"day": "mon"}], "raw": "{\"day\":\"mon\"}", "substituted": ""},
             "global_data": {"g": 1}, "meta_data": {"m": 2}, "SWMLVars": {"v": 3}, "SWMLCall": {"c": 4},
             "call_log": [{"role": "user", "content": "hi"}], "raw_call_log": [],
             "brand_new": {"x": [1, 2]}, "flag": true}
            """);

        Assert.Equal(
            ("book", "c-1", "+15550001111", "Ann", "s", "a", "m", "cv", "p", "sp", "text/swaig", "2.0", "book it"),
            (request.Function, request.CallId, request.CallerIdNumber, request.CallerIdName, request.AiSessionId, request.AppName,
             request.MetaDataToken, request.ConversationId, request.ProjectId, request.SpaceId, request.ContentType, request.Version, request.Purpose));
        Assert.Equal("""{"day":"mon"}""", request.Arguments.ToJsonString());
        Assert.Equal("""{"g":1}|{"m":2}|{"v":3}|{"c":4}""", string.Join('|', new[] { request.GlobalData, request.MetaData, request.SwmlVars, request.SwmlCall }.Select(o => o!.ToJsonString())));
        Assert.Equal([("user", "hi")], request.CallLog!.Select(m => (m.Role, m.Content)));
        Assert.Empty(request.RawCallLog!);
        Assert.Equal("""{"brand_new":{"x":[1,2]},"flag":true}""", request.AdditionalFields!.ToJsonString());
    }

    [Fact]
    public void Mistyped_fields_read_as_null_but_the_body_keeps_them()
    {
        var request = Parse("""{"function": "f", "call_id": 42, "global_data": "nope", "meta_data": [1], "call_log": {"role": "x"}, "argument": "raw"}""");

        Assert.Equal("f", request.Function);
        Assert.Null(request.CallId);
        Assert.Null(request.GlobalData);
        Assert.Null(request.MetaData);
        Assert.Null(request.CallLog);
        Assert.Null(request.Argument);
        Assert.Equal("{}", request.Arguments.ToJsonString());
        Assert.Equal(42, request.Body["call_id"]!.GetValue<int>());
        Assert.Equal("nope", request.Body["global_data"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"argument": {"raw": "{\"a\":1}"}}""", """{"a":1}""")]
    [InlineData("""{"argument": {"parsed": [], "raw": "{\"a\":2}"}, "arguments": {"b": 3}}""", """{"a":2}""")]
    [InlineData("""{"argument": {"raw": "not json"}, "arguments": {"b": 3}}""", """{"b":3}""")]
    [InlineData("""{"arguments": {"b": 4}}""", """{"b":4}""")]
    [InlineData("""{}""", """{}""")]
    public void Arguments_come_from_parsed_then_raw_then_flat(string json, string expected) =>
        Assert.Equal(expected, Parse(json).Arguments.ToJsonString());

    [Theory]
    [InlineData("""{"function": "a", "function": "b"}""")]
    [InlineData("""{"global_data": {"k": 1, "k": 2}}""")]
    [InlineData("""{"unknown": {"k": 1, "k": 2}}""")]
    [InlineData("""{"call_log": [{"role": "user", "role": "system"}]}""")]
    [InlineData("""{"function": "\ud800"}""")]
    [InlineData("""{"function": "f",}""")]
    [InlineData("""[{"function": "f"}]""")]
    [InlineData("""null""")]
    [InlineData("")]
    [InlineData("""{"function": "a", "\u0066unction": "b"}""")]
    [InlineData("""{"extra": 1, "extra": 2}""")]
    [InlineData("""{"argument": {"parsed": [{"a": 1, "a": 2}]}}""")]
    [InlineData("""{"function": "f"} {"function": "g"}""")]
    [InlineData("""{"function": "f"} x""")]
    [InlineData("""{"function": "f" /* c */}""")]
    [InlineData("{\"function\": \"f")]
    public void Refuses_what_no_request_may_be(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));

    [Fact]
    public void Escaped_names_are_the_fields_they_spell()
    {
        // Each character of the longest field name escaped: 90 bytes on the wire for 15 characters.
        var escapedToken = string.Concat("meta_data_token".Select(c => $"\\u{(int)c:x4}"));
        var request = Parse($$"""{"\u0066unction": "f", "{{escapedToken}}": "t", "c\u0061ll_id": "c", "\u00e9t\u00e9": null}""");

        Assert.Equal(("f", "t", "c"), (request.Function, request.MetaDataToken, request.CallId));
        Assert.Equal("""{"\u00E9t\u00E9":null}""", request.AdditionalFields!.ToJsonString());
    }

    [Fact]
    public void A_body_of_only_known_fields_has_no_additional_fields_and_white_space_around_it_is_fine()
    {
        var request = Parse(" \n{\"function\": \"f\", \"global_data\": null, \"call_log\": null}\r\n ");

        Assert.Equal("f", request.Function);
        Assert.Null(request.AdditionalFields);
        Assert.Null(request.GlobalData);
        Assert.Null(request.CallLog);
    }

    [Fact]
    public void Refuses_nesting_deeper_than_the_limit()
    {
        var deep = "{\"meta_data\":" + string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "1" + new string('}', 65);
        var fits = "{\"meta_data\":" + string.Concat(Enumerable.Repeat("{\"a\":", 62)) + "1" + new string('}', 63);

        Assert.ThrowsAny<JsonException>(() => Parse(deep));
        Assert.NotNull(Parse(fits).MetaData);
    }

    [Fact]
    public void Refuses_invalid_utf8() =>
        Assert.ThrowsAny<JsonException>(() => SwaigRequest.Parse([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']));

    [Fact]
    public void A_request_built_in_code_has_a_body_with_the_wire_names()
    {
        var request = new SwaigRequest { Function = "echo", CallId = "c-9", GlobalData = new JsonObject { ["k"] = "v" } };

        Assert.Equal("""{"function":"echo","call_id":"c-9","global_data":{"k":"v"}}""", request.Body.ToJsonString());
        Assert.Equal("{}", request.Arguments.ToJsonString());
    }

    [Fact]
    public void From_json_keeps_the_given_body()
    {
        var body = new JsonObject { ["function"] = "echo", ["argument"] = new JsonObject { ["parsed"] = new JsonArray(new JsonObject { ["x"] = 1 }) } };

        var request = SwaigRequest.FromJson(body);

        Assert.Same(body, request.Body);
        Assert.Equal(("echo", """{"x":1}"""), (request.Function, request.Arguments.ToJsonString()));
    }
}
