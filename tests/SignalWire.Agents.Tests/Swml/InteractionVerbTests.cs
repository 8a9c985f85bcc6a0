using System.Text.Json.Nodes;
using SignalWire.Agents.Swml;

namespace SignalWire.Agents.Tests.Swml;

public sealed class InteractionVerbTests
{
    [Fact]
    public void Values_the_platform_would_refuse_fail_where_they_are_written()
    {
        var main = new SwmlDocument().Main;

        Assert.Equal("digits", Assert.Throws<ArgumentException>(() => main.SendDigits("12x")).ParamName);
        Assert.Equal("play", Assert.Throws<ArgumentException>(() => main.Prompt(Array.Empty<string>())).ParamName);
        Assert.Equal("Volume", Assert.Throws<ArgumentOutOfRangeException>(() => main.Prompt("say:hi", new PromptOptions { Volume = 41 })).ParamName);
        Assert.Equal("MaxDigits", Assert.Throws<ArgumentOutOfRangeException>(() => main.Prompt("say:hi", new PromptOptions { MaxDigits = 0 })).ParamName);
        Assert.Equal("SpeechTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => main.Prompt("say:hi", new PromptOptions { SpeechTimeout = double.NaN })).ParamName);
        Assert.Equal("document", Assert.Throws<ArgumentException>(() => main.SendFax(new Uri("ftp://docs.example.com/a.pdf"))).ParamName);
        Assert.Equal("extra", Assert.Throws<ArgumentException>(() => main.AmazonBedrock("x", new JsonObject { ["prompt"] = "y" })).ParamName);
        Assert.Throws<ArgumentException>(() => main.AiSidecar("coach", " "));
        Assert.Empty(main.Verbs);
    }
}
