using System.Text;
using SignalWire.Agents.AspNetCore.Http;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class SwmlFetchTests
{
    private static (BodyStatus, SwmlFetch?) Parse(string json) => SwmlFetch.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_the_call_fields_and_ignores_lookalikes_elsewhere()
    {
        var (status, fetch) = Parse("""
            {"vars":{"call_id":"wrong","call":{"from":"wrong"}},"call":{"headers":{"to":"wrong"},"call_id":"c-1","from":"+1555","to":"+1666"},"envs":{}}
            """);
        Assert.Equal(BodyStatus.Ok, status);
        Assert.Equal(new SwmlFetch("c-1", "+1555", "+1666"), fetch);
    }

    [Fact]
    public void A_top_level_call_id_wins_and_caller_id_num_stands_in_for_from()
    {
        var (_, fetch) = Parse("""{"call_id":"top","caller_id_num":"+1777","call":{"call_id":"nested"}}""");
        Assert.Equal(new SwmlFetch("top", "+1777", null), fetch);
    }

    [Theory]
    [InlineData("""{"call":{"call_id":"c"}""", "Malformed")]
    [InlineData("""{"call_id":"c"} trailing""", "Malformed")]
    [InlineData("""[1,2]""", "NotAnObject")]
    [InlineData("""{"call":"not an object","call_id":5}""", "Ok")]
    public void Malformed_and_odd_bodies(string json, string expected) => Assert.Equal(expected, Parse(json).Item1.ToString());
}
