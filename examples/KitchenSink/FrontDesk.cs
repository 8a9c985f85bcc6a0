using SignalWire.Agents;
using SignalWire.Agents.Swml;

namespace KitchenSinkExample;

/// <summary>The phone menu in front of the agent: a plain SWML document, no AI, served with the same security.</summary>
public static class FrontDesk
{
    /// <summary>Creates the menu service under <c>/menu</c> (options other than the route come from <paramref name="options"/>).</summary>
    public static SwmlService Create(AgentOptions? options = null)
    {
        var service = new SwmlService(options ?? new AgentOptions { Name = "front-desk", Route = "/menu" });
        var main = service.Document.Main;
        main.Answer().Say("Welcome to Tony's Pizza.").Label("menu")
            .Set(new System.Text.Json.Nodes.JsonObject { ["attempts"] = 0 })
            .Switch("call.type", cases => cases
                .Case("webrtc", b => b.Transfer("https://pizza.example.com/pizza"))
                .Default(b => b.Execute("hours")))
            .Cond(branches => branches
                .When("vars.attempts < 3", b => b.Goto("menu", max: 3))
                .Else(b => b.Hangup()));
        service.Document.Section("hours").Say("We are open from eleven to eleven.").Return();
        return service;
    }
}
