using SignalWire.Agents.Swaig;

namespace SignalWire.Agents.Tests.Tools;

public sealed class ToolNamesTests
{
    [Theory]
    [InlineData("get_weather")]
    [InlineData("_private")]
    [InlineData("A1")]
    public void Well_formed_names(string name) => Assert.True(ToolNames.IsWellFormed(name));

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("my function")]
    [InlineData("my-function")]
    [InlineData("../etc/passwd")]
    [InlineData("naïve")]
    [InlineData("a.b")]
    public void Malformed_names(string name) => Assert.False(ToolNames.IsWellFormed(name));

    [Fact]
    public void Names_longer_than_64_are_refused()
    {
        Assert.True(ToolNames.IsWellFormed(new string('a', 64)));
        Assert.False(ToolNames.IsWellFormed(new string('a', 65)));
    }

    [Theory]
    [InlineData("next_step")]
    [InlineData("change_context")]
    [InlineData("gather_submit")]
    [InlineData("post_prompt")]
    [InlineData("check_time")]
    public void Reserved_names_cannot_be_defined(string name)
    {
        var agent = new AgentBase(new AgentOptions());
        var ex = Assert.Throws<ArgumentException>(() => agent.DefineTool(name, "d", null, (_, _, _) => ValueTask.FromResult(new FunctionResult())));
        Assert.Contains("reserved", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_are_refused()
    {
        var agent = new AgentBase(new AgentOptions());
        agent.DefineTool("ping", "d", null, (_, _, _) => ValueTask.FromResult(new FunctionResult()));
        var ex = Assert.Throws<ArgumentException>(() => agent.DefineTool("ping", "d", null, (_, _, _) => ValueTask.FromResult(new FunctionResult())));
        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hook_names_the_platform_calls_are_ordinary_tools()
    {
        var agent = new AgentBase(new AgentOptions());
        agent.DefineTool("startup_hook", "d", null, (_, _, _) => ValueTask.FromResult(new FunctionResult()));
        agent.DefineTool("hangup_hook", "d", null, (_, _, _) => ValueTask.FromResult(new FunctionResult()));
        Assert.Equal(2, agent.Tools.Count);
    }
}
