using Microsoft.Extensions.DependencyInjection;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.Mcp.Tests;

/// <summary>
/// The <c>SignalWireMcpSupport</c> feature switch, as a build that set it to false sees it. The switch is process-wide,
/// so these tests run alone (<see cref="ProcessSwitchTests"/>) and put it back.
/// </summary>
[Collection(ProcessSwitchTests.Name)]
public sealed class McpSupportSwitchTests
{
    [Fact]
    public void Mcp_is_supported_unless_the_build_says_otherwise()
    {
        Assert.True(AgentMcpExtensions.IsSupported);
        Assert.Equal("SignalWire.Agents.Mcp.IsSupported", AgentMcpExtensions.SupportSwitch);
    }

    [Fact]
    public async Task A_build_without_mcp_refuses_to_register_or_map_it_and_says_how_to_get_it()
    {
        var agent = new AgentBase(AgentTestServer.Options("no-mcp"));
        await using var app = AgentApplication.Create(agent);
        AppContext.SetSwitch(AgentMcpExtensions.SupportSwitch, false);
        try
        {
            Assert.False(AgentMcpExtensions.IsSupported);
            var register = Assert.Throws<NotSupportedException>(() => new ServiceCollection().AddSignalWireMcp());
            Assert.Contains("-p:SignalWireMcpSupport=true", register.Message, StringComparison.Ordinal);
            var map = Assert.Throws<NotSupportedException>(() => app.MapAgentMcp(agent));
            Assert.Equal(register.Message, map.Message);
        }
        finally
        {
            AppContext.SetSwitch(AgentMcpExtensions.SupportSwitch, true);
        }

        Assert.True(AgentMcpExtensions.IsSupported);
    }
}

/// <summary>The collection of tests that flip a process-wide switch: nothing else runs beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessSwitchTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "MCP feature switch";
}
