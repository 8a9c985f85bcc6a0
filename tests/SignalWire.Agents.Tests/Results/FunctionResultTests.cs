using System.Text.Json.Nodes;

namespace SignalWire.Agents.Tests.Results;

public sealed class FunctionResultTests
{
    [Fact]
    public void Empty_result_answers_action_completed() =>
        Assert.Equal("""{"response":"Action completed."}""", new FunctionResult().ToJson());

    [Fact]
    public void Response_only() =>
        Assert.Equal("""{"response":"It is 72F in Paris."}""", new FunctionResult("It is 72F in Paris.").ToJson());

    [Fact]
    public void Post_process_is_only_sent_with_actions()
    {
        Assert.Equal("""{"response":"x"}""", new FunctionResult("x", postProcess: true).ToJson());
        Assert.Equal("""{"response":"x","action":[{"stop":true}],"post_process":true}""", new FunctionResult("x", postProcess: true).Stop().ToJson());
    }

    [Fact]
    public void Actions_without_response_omit_response() =>
        Assert.Equal("""{"action":[{"hangup":true}]}""", new FunctionResult().Hangup().ToJson());

    [Fact]
    public void Say() =>
        Assert.Equal("""{"response":"ok","action":[{"say":"Hello +1 & welcome"}]}""", new FunctionResult("ok").Say("Hello +1 & welcome").ToJson());

    [Fact]
    public void Hangup() =>
        Assert.Equal("""{"response":"Goodbye","action":[{"hangup":true}]}""", new FunctionResult("Goodbye").Hangup().ToJson());

    [Fact]
    public void Stop() =>
        Assert.Equal("""{"response":"Done","action":[{"stop":true}]}""", new FunctionResult("Done").Stop().ToJson());

    [Fact]
    public void Connect_final_matches_the_wire_example() =>
        Assert.Equal(
            """{"response":"Transferring","action":[{"SWML":{"sections":{"main":[{"connect":{"to":"+15551234567"}}]},"version":"1.0.0"},"transfer":"true"}],"post_process":true}""",
            new FunctionResult("Transferring", postProcess: true).Connect("+15551234567").ToJson());

    [Fact]
    public void Connect_not_final_with_caller_id() =>
        Assert.Equal(
            """{"response":"r","action":[{"SWML":{"sections":{"main":[{"connect":{"to":"sip:desk@example.com","from":"+15550000000"}}]},"version":"1.0.0"},"transfer":"false"}]}""",
            new FunctionResult("r").Connect("sip:desk@example.com", final: false, from: "+15550000000").ToJson());

    [Fact]
    public void Swml_transfer() =>
        Assert.Equal(
            """{"response":"r","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"set":{"ai_response":"Welcome back"}},{"transfer":{"dest":"https://example.com/swml"}}]}},"transfer":"true"}]}""",
            new FunctionResult("r").SwmlTransfer("https://example.com/swml", "Welcome back").ToJson());

    [Fact]
    public void Update_global_data_copies_the_data()
    {
        var data = new JsonObject { ["city"] = "Paris" };
        var result = new FunctionResult("r").UpdateGlobalData(data);
        data["city"] = "Rome";
        Assert.Equal("""{"response":"r","action":[{"set_global_data":{"city":"Paris"}}]}""", result.ToJson());
    }

    [Fact]
    public void Remove_global_data_one_key_is_a_string_many_keys_an_array()
    {
        Assert.Equal("""{"response":"r","action":[{"unset_global_data":"city"}]}""", new FunctionResult("r").RemoveGlobalData("city").ToJson());
        Assert.Equal("""{"response":"r","action":[{"unset_global_data":["a","b"]}]}""", new FunctionResult("r").RemoveGlobalData("a", "b").ToJson());
    }

    [Fact]
    public void Set_and_remove_metadata()
    {
        Assert.Equal("""{"response":"r","action":[{"set_meta_data":{"n":1}}]}""", new FunctionResult("r").SetMetadata(new JsonObject { ["n"] = 1 }).ToJson());
        Assert.Equal("""{"response":"r","action":[{"unset_meta_data":["n","m"]}]}""", new FunctionResult("r").RemoveMetadata("n", "m").ToJson());
    }

    [Fact]
    public void Toggle_functions() =>
        Assert.Equal(
            """{"response":"r","action":[{"toggle_functions":[{"function":"transfer_funds","active":false},{"function":"get_balance","active":true}]}]}""",
            new FunctionResult("r").ToggleFunctions(("transfer_funds", false), ("get_balance", true)).ToJson());

    [Fact]
    public void Actions_keep_their_order() =>
        Assert.Equal(
            """{"response":"r","action":[{"say":"a"},{"set_global_data":{"k":"v"}},{"hangup":true}]}""",
            new FunctionResult("r").Say("a").UpdateGlobalData(new JsonObject { ["k"] = "v" }).Hangup().ToJson());

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new FunctionResult().RemoveGlobalData());
        Assert.Throws<ArgumentException>(() => new FunctionResult().ToggleFunctions());
        Assert.Throws<ArgumentException>(() => new FunctionResult().Connect(" "));
        Assert.Throws<ArgumentException>(() => new FunctionResult().AddAction(new JsonObject()));
    }
}
