using System.Text.Json.Nodes;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Tests.Tools;

/// <summary>Only the JSON literal <c>true</c> confirms; anything the AI might write instead does not.</summary>
public sealed class ConfirmationTests
{
    [Fact]
    public void The_literal_true_confirms() =>
        Assert.True(Confirmation.IsConfirmed(new JsonObject { ["confirmed"] = true, ["amount"] = 5 }));

    [Theory]
    [InlineData("""{"confirmed":false}""")]
    [InlineData("""{"confirmed":"false"}""")]
    [InlineData("""{"confirmed":"true"}""")]
    [InlineData("""{"confirmed":"yes"}""")]
    [InlineData("""{"confirmed":1}""")]
    [InlineData("""{"confirmed":null}""")]
    [InlineData("""{"confirmed":[true]}""")]
    [InlineData("""{"confirmed":{"value":true}}""")]
    [InlineData("""{"Confirmed":true}""")]
    [InlineData("""{}""")]
    public void Anything_else_does_not(string args) =>
        Assert.False(Confirmation.IsConfirmed(JsonNode.Parse(args)!.AsObject()));
}
