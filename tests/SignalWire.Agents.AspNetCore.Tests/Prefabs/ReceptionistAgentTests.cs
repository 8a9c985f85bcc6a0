using System.Text.Json.Nodes;
using SignalWire.Agents.Prefabs;

namespace SignalWire.Agents.AspNetCore.Tests.Prefabs;

public sealed class ReceptionistAgentTests : ServedAgentTest<ReceptionistAgent>
{
    public ReceptionistAgentTests()
        : base(new ReceptionistAgent(new ReceptionistOptions
            {
                Departments =
                [
                    new("sales", "New orders and pricing", "+14155550150"),
                    new("support", "Help with a product", "sip:support@pbx.example.com"),
                    new("hotline", "A line someone misconfigured", "+19005550100"),
                ],
                Agent = PrefabTest.Options("receptionist", "/receptionist"),
            }))
    {
    }

    [Fact]
    public Task The_document_matches_its_golden_copy() => PrefabTest.AssertGoldenAsync(Server, Client, "/receptionist", "receptionist");

    [Fact]
    public async Task Caller_info_is_kept_and_the_transfer_names_the_caller()
    {
        Assert.Equal(
            """{"response":"Thank you, Ada. Now choose the department for: a new order","action":[{"set_global_data":{"caller_info":{"name":"Ada","reason":"a new order"}}}]}""",
            await Client.CallAsync("/receptionist", "collect_caller_info", new() { ["name"] = " Ada ", ["reason"] = "a new order" }));
        Assert.Equal(
            """{"response":"I'm transferring you to sales now, Ada. Please hold.","action":[{"SWML":{"sections":{"main":[{"connect":{"to":"+14155550150"}}]},"version":"1.0.0"},"transfer":"true"}],"post_process":true}""",
            await Client.CallAsync("/receptionist", "transfer_call", new() { ["department"] = "sales" }, new JsonObject { ["caller_info"] = new JsonObject { ["name"] = "Ada" } }));
    }

    [Fact]
    public async Task A_department_on_a_premium_number_is_never_dialled()
    {
        Assert.Equal(
            """{"response":"I'm transferring you to hotline now. Please hold. Not done: the transfer to +19005550100, because that destination is not allowed (premium rate). Tell the caller it cannot be done and offer other help."}""",
            await Client.CallAsync("/receptionist", "transfer_call", new() { ["department"] = "hotline" }));
    }

    [Fact]
    public async Task Only_listed_departments_can_be_chosen()
    {
        Assert.Equal(
            """{"response":"The arguments for transfer_call are invalid: department must be one of: \"sales\", \"support\", \"hotline\". Ask the caller for the correct value and try again."}""",
            await Client.CallAsync("/receptionist", "transfer_call", new() { ["department"] = "+15550001111" }));
        Assert.Throws<ArgumentException>(() => new ReceptionistAgent(new ReceptionistOptions()));
        Assert.Throws<ArgumentException>(() => new ReceptionistAgent(new ReceptionistOptions { Departments = [new("Sales Team", "x", "+14155550150")] }));
    }
}
