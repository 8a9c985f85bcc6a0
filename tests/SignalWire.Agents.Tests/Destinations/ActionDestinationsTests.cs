using System.Text.Json.Nodes;
using SignalWire.Agents.Destinations;

namespace SignalWire.Agents.Tests.Destinations;

public sealed class ActionDestinationsTests
{
    private static IReadOnlyList<DialOut> Find(FunctionResult result) => ActionDestinations.Find(Assert.Single(result.Actions));

    [Fact]
    public void Each_dialing_action_of_FunctionResult_is_found_with_its_destination()
    {
        Assert.Equal(["connect:+14155550100"], Describe(Find(new FunctionResult().Connect("+14155550100"))));
        Assert.Equal(["transfer:https://x.example.com/swml"], Describe(Find(new FunctionResult().SwmlTransfer("https://x.example.com/swml", "bye"))));
        Assert.Equal(["sip_refer:sip:a@b.example.com"], Describe(Find(new FunctionResult().SipRefer("sip:a@b.example.com"))));
        Assert.Equal(["send_sms:+14155550100"], Describe(Find(new FunctionResult().SendSms("+14155550100", "+14155550199", "hi"))));
        Assert.Equal(["dial:+14155550100", "dest_swml:https://x.example.com/swml"], Describe(Find(new FunctionResult().RpcDial("+14155550100", "+14155550199", "https://x.example.com/swml"))));
        Assert.Equal(["tap:wss://media.example.com/a"], Describe(Find(new FunctionResult().Tap("wss://media.example.com/a"))));
        Assert.Equal(DialOutKind.Message, Find(new FunctionResult().SendSms("+14155550100", "+14155550199", "hi")).Single().Kind);
        Assert.Equal(DialOutKind.DataSink, Find(new FunctionResult().Pay("https://pay.example.com/charge")).Single().Kind);
    }

    [Fact]
    public void Destinations_nested_in_sections_conditions_and_dial_plans_are_all_found()
    {
        var swml = JsonNode.Parse("""
            {"version":"1.0.0","sections":{
              "main":[{"cond":[{"when":"vars.x == 1","then":[{"connect":{"serial":[{"to":"+14155550100"},{"to":"+19005550100"}]}}]}]}],
              "other":[{"connect":{"serial_parallel":[[{"to":"sip:a@b.example.com"}]]}}]}}
            """)!.AsObject();

        var found = Find(new FunctionResult().ExecuteSwml(swml));

        Assert.Equal(["connect:+14155550100,+19005550100", "connect:sip:a@b.example.com"], Describe(found));
    }

    [Fact]
    public void A_dialing_verb_without_a_readable_destination_and_uninspectable_swml_are_reported()
    {
        Assert.Equal(["connect:(no destination)"], Describe(Find(new FunctionResult().AddAction("SWML", new JsonObject { ["sections"] = new JsonObject { ["main"] = new JsonArray(new JsonObject { ["connect"] = new JsonObject() }) } }))));
        // SWML text that is not JSON cannot be read, whatever it seems to say: an escaped verb would hide from a word search.
        var unreadable = Assert.Single(Find(new FunctionResult().ExecuteSwml("sections:\n  main:\n    - \"\\x63onnect\":\n        to: '+19005550100'")));
        Assert.Equal(("raw_swml", "unreadable_swml"), (unreadable.Verb, unreadable.Targets.Single().Refusal));
        Assert.Equal("unreadable_swml", Assert.Single(Find(new FunctionResult().ExecuteSwml("sections:\n  main:\n    - play: {url: 'say:hi'}"))).Targets.Single().Refusal);
    }

    [Fact]
    public void Actions_that_do_not_reach_the_phone_network_are_not_reported()
    {
        Assert.Empty(Find(new FunctionResult().Say("hi")));
        Assert.Empty(ActionDestinations.Find(new FunctionResult().Connect("+14155550100").Hangup().Actions[1]));
        Assert.Empty(ActionDestinations.Find(new FunctionResult().UpdateGlobalData(new JsonObject { ["to"] = "+19005550100" }).Actions[0]));
    }

    [Fact]
    public void Inline_swml_in_a_string_is_parsed_and_walked_and_escaped_verbs_read_as_themselves()
    {
        var inline = JsonValue.Create("""{"sections":{"main":[{"\u0063onnect":{"to":"+19005550100"}}]}}""");
        var action = new JsonObject { ["SWML"] = new JsonObject { ["sections"] = new JsonObject { ["main"] = new JsonArray(new JsonObject { ["execute"] = new JsonObject { ["dest"] = inline } }) } } };

        Assert.Equal(["connect:+19005550100", "execute:"], Describe(ActionDestinations.Find(action)));
    }

    private static List<string> Describe(IReadOnlyList<DialOut> found) => [.. found.Select(d => d.Verb + ":" + string.Join(",", d.Targets.Select(t => t.Value)))];
}
