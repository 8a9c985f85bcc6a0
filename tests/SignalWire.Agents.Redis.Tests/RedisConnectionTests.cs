namespace SignalWire.Agents.Redis.Tests;

public sealed class RedisConnectionTests
{
    [Fact]
    public void Redis_urls_become_configuration()
    {
        var config = RedisConnection.Parse(new RedisOptions { Configuration = "rediss://app:s%40cret@cache.internal:6380/2" });
        Assert.Equal("cache.internal:6380", config.EndPoints.Single().ToString()!.Replace("Unspecified/", string.Empty, StringComparison.Ordinal));
        Assert.Equal("app", config.User);
        Assert.Equal("s@cret", config.Password);
        Assert.Equal(2, config.DefaultDatabase);
        Assert.True(config.Ssl);
        Assert.False(config.AbortOnConnectFail);
        Assert.Equal(250, config.AsyncTimeout);
    }

    [Fact]
    public void Configuration_strings_are_accepted()
    {
        var config = RedisConnection.Parse(new RedisOptions { Configuration = "127.0.0.1:6379,password=x" });
        Assert.Equal("x", config.Password);
    }

    [Theory]
    [InlineData("redis://")]
    [InlineData("redis://host:6379/notanumber")]
    public void Invalid_urls_fail_clearly(string url) =>
        Assert.Throws<AgentConfigurationException>(() => RedisConnection.Parse(new RedisOptions { Configuration = url }));
}
