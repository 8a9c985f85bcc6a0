using SignalWire.Agents;
using SignalWire.Agents.AspNetCore;

namespace MultiAgentExample;

/// <summary>
/// The example's server: a receptionist and the sales and support desks on one listener, with SIP routing. Marked as
/// a factory so <c>swaig-test examples/MultiAgent --route /sales ...</c> can try each desk without a call.
/// </summary>
public static class FrontDesk
{
    /// <summary>Creates the server with its three agents.</summary>
    [AgentFactory(Name = "front-desk")]
    public static AgentServer Create() => new AgentServer()
        .Register(new Receptionist())
        .Register(DepartmentAgent.Sales())
        .Register(DepartmentAgent.Support())
        .EnableSipRouting();
}
