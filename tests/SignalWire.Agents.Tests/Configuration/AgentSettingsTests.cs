namespace SignalWire.Agents.Tests.Configuration;

public sealed class AgentSettingsTests
{
    private static AgentSettings Resolve(AgentOptions options, params (string Name, string Value)[] env)
    {
        var map = env.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
        return AgentSettings.Resolve(options, name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void Defaults_without_options_or_environment()
    {
        var settings = Resolve(new AgentOptions { Name = "bank" });
        Assert.Equal("bank", settings.Name);
        Assert.Equal(string.Empty, settings.Route);
        Assert.Equal("0.0.0.0", settings.Host);
        Assert.Equal(3000, settings.Port);
        Assert.Equal(1024 * 1024, settings.MaxRequestBodySize);
        Assert.False(settings.SslEnabled);
        Assert.False(settings.TrustProxyHeaders);
        Assert.Null(settings.ProxyUrlBase);
        Assert.Equal(TimeSpan.FromHours(1), settings.Tokens.Lifetime);
    }

    [Fact]
    public void Generated_credentials_use_signalwire_and_a_strong_password()
    {
        var settings = Resolve(new AgentOptions());
        Assert.Equal(CredentialSource.Generated, settings.BasicAuth.Source);
        Assert.Equal("signalwire", settings.BasicAuth.Username);
        Assert.Matches("^[A-Za-z0-9_-]{32,}$", settings.BasicAuth.Password);
        Assert.NotEqual(settings.BasicAuth.Password, Resolve(new AgentOptions()).BasicAuth.Password);
        Assert.Equal(CredentialSource.Generated, settings.TokenSecretSource);
    }

    [Fact]
    public void Environment_credentials_are_used_when_options_are_silent()
    {
        var settings = Resolve(new AgentOptions(), ("SWML_BASIC_AUTH_USER", "env-user"), ("SWML_BASIC_AUTH_PASSWORD", "env-pass"));
        Assert.Equal(("env-user", "env-pass", CredentialSource.Environment), (settings.BasicAuth.Username, settings.BasicAuth.Password, settings.BasicAuth.Source));
    }

    [Fact]
    public void Options_beat_the_environment()
    {
        var settings = Resolve(
            new AgentOptions { BasicAuthUser = "opt-user", BasicAuthPassword = "opt-pass", Port = 8080, SwaigSecret = "s" },
            ("SWML_BASIC_AUTH_USER", "env-user"), ("SWML_BASIC_AUTH_PASSWORD", "env-pass"), ("PORT", "9000"), ("SIGNALWIRE_SWAIG_SECRET", "e"));
        Assert.Equal(("opt-user", "opt-pass", CredentialSource.Options), (settings.BasicAuth.Username, settings.BasicAuth.Password, settings.BasicAuth.Source));
        Assert.Equal(8080, settings.Port);
        Assert.Equal(CredentialSource.Options, settings.TokenSecretSource);
    }

    [Fact]
    public void Environment_user_without_password_gets_a_generated_password()
    {
        var settings = Resolve(new AgentOptions(), ("SWML_BASIC_AUTH_USER", "ops"));
        Assert.Equal("ops", settings.BasicAuth.Username);
        Assert.Equal(CredentialSource.Generated, settings.BasicAuth.Source);
    }

    [Fact]
    public void Half_configured_option_credentials_are_refused() =>
        Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions { BasicAuthUser = "only-user" }));

    [Fact]
    public void Environment_values_are_read()
    {
        var settings = Resolve(
            new AgentOptions(),
            ("PORT", "4000"),
            ("SWML_PROXY_URL_BASE", "https://agent.example.com/base/"),
            ("SWML_TRUST_PROXY_HEADERS", "yes"),
            ("SWML_MAX_REQUEST_SIZE", "2048"),
            ("SIGNALWIRE_SWAIG_SECRET", "shared"),
            ("SWML_DOMAIN", "agent.example.com"));
        Assert.Equal(4000, settings.Port);
        Assert.Equal("https://agent.example.com/base", settings.ProxyUrlBase!.OriginalString);
        Assert.True(settings.TrustProxyHeaders);
        Assert.Equal(2048, settings.MaxRequestBodySize);
        Assert.Equal(CredentialSource.Environment, settings.TokenSecretSource);
        Assert.Equal("agent.example.com", settings.Domain);
    }

    [Theory]
    [InlineData("PORT", "abc", "PORT")]
    [InlineData("PORT", "70000", "PORT")]
    [InlineData("SWML_MAX_REQUEST_SIZE", "-5", "SWML_MAX_REQUEST_SIZE")]
    [InlineData("SWML_TRUST_PROXY_HEADERS", "maybe", "SWML_TRUST_PROXY_HEADERS")]
    [InlineData("SWML_PROXY_URL_BASE", "not a url", "SWML_PROXY_URL_BASE")]
    [InlineData("SWML_PROXY_URL_BASE", "ftp://example.com", "SWML_PROXY_URL_BASE")]
    [InlineData("SWML_PROXY_URL_BASE", "https://user:pw@example.com", "SWML_PROXY_URL_BASE")]
    public void Bad_environment_values_fail_with_the_variable_named(string name, string value, string expectedInMessage)
    {
        var ex = Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions(), (name, value)));
        Assert.Contains(expectedInMessage, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ssl_without_certificate_paths_fails_clearly()
    {
        var ex = Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions(), ("SWML_SSL_ENABLED", "true")));
        Assert.Contains("SWML_SSL_CERT_PATH", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "")]
    [InlineData("", "")]
    [InlineData("/support/", "/support")]
    [InlineData("support", "/support")]
    [InlineData("/a/b", "/a/b")]
    public void Routes_are_normalised(string route, string expected) =>
        Assert.Equal(expected, Resolve(new AgentOptions { Route = route }).Route);

    [Fact]
    public void Routes_with_odd_characters_are_refused() =>
        Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions { Route = "/a?b" }));

    [Fact]
    public void A_signing_key_needs_the_public_host_configured()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions(), ("SIGNALWIRE_SIGNING_KEY", "PSK_x")));

        Assert.Equal("A signing key is set (SIGNALWIRE_SIGNING_KEY), so the public URL the platform signs must be known: set SWML_PROXY_URL_BASE (https://agent.example.com) or SWML_ALLOWED_HOSTS (agent.example.com).", error.Message);
        Assert.NotNull(Resolve(new AgentOptions(), ("SIGNALWIRE_SIGNING_KEY", "PSK_x"), ("SWML_PROXY_URL_BASE", "https://agent.example.com")).SigningKey);
        Assert.NotNull(Resolve(new AgentOptions(), ("SIGNALWIRE_SIGNING_KEY", "PSK_x"), ("SWML_ALLOWED_HOSTS", "agent.example.com")).SigningKey);
        Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions(), ("SIGNALWIRE_SIGNING_KEY", "PSK_x"), ("SWML_ALLOWED_HOSTS", "*")));
    }

    [Fact]
    public void A_lone_star_means_any_and_a_star_among_names_is_refused()
    {
        var any = Resolve(new AgentOptions(), ("SWML_ALLOWED_HOSTS", "*"), ("SWML_CORS_ORIGINS", " * "));

        Assert.Empty(any.AllowedHosts);
        Assert.Equal(["*"], any.CorsOrigins);
        Assert.Equal(["a.example.com", "*.example.org"], Resolve(new AgentOptions(), ("SWML_ALLOWED_HOSTS", "a.example.com, *.example.org")).AllowedHosts);
        var hosts = Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions(), ("SWML_ALLOWED_HOSTS", "a.example.com,*")));
        var origins = Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions { CorsOrigins = ["https://a.example.com", "*"] }));
        Assert.Equal("SWML_ALLOWED_HOSTS lists '*' together with other values: '*' alone means any host; otherwise list each host without '*'.", hosts.Message);
        Assert.Equal("SWML_CORS_ORIGINS lists '*' together with other values: '*' alone means any origin; otherwise list each origin without '*'.", origins.Message);
    }

    [Fact]
    public void Trusted_proxies_are_addresses_or_networks_and_turn_trust_on()
    {
        var settings = Resolve(new AgentOptions(), ("SWML_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.10 ,::1"));

        Assert.True(settings.TrustProxyHeaders);
        Assert.Equal(["10.0.0.0/8", "192.0.2.10/32", "::1/128"], settings.TrustedProxies.Select(n => n.ToString()));
        Assert.False(Resolve(new AgentOptions { TrustProxyHeaders = false }, ("SWML_TRUSTED_PROXIES", "10.0.0.0/8")).TrustProxyHeaders);
        var error = Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions(), ("SWML_TRUSTED_PROXIES", "proxy.internal")));
        Assert.Equal("SWML_TRUSTED_PROXIES: 'proxy.internal' is neither an IP address nor a CIDR network such as 10.0.0.0/8.", error.Message);
    }

    [Fact]
    public void Connection_limits_default_and_read_the_environment()
    {
        var defaults = Resolve(new AgentOptions());
        var configured = Resolve(new AgentOptions(), ("SWML_MAX_CONNECTIONS", "200"), ("SWML_KEEP_ALIVE_TIMEOUT", "12"));

        Assert.Equal(4096, defaults.MaxConnections);
        Assert.Equal(TimeSpan.FromSeconds(30), defaults.KeepAliveTimeout);
        Assert.Equal(200, configured.MaxConnections);
        Assert.Equal(TimeSpan.FromSeconds(12), configured.KeepAliveTimeout);
        Assert.Throws<AgentConfigurationException>(() => Resolve(new AgentOptions(), ("SWML_MAX_CONNECTIONS", "0")));
    }
}
