using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

/// <summary>
/// HTTPS listeners, HSTS included. These run in their own collection, after the parallel ones: a TLS handshake
/// that waits behind a saturated CPU for longer than Kestrel's handshake timeout is cut off (a broken pipe on
/// the client), which says nothing about the agent.
/// </summary>
[Collection(TlsTests.Name)]
public sealed class HttpsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sw-agents-tls-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Cert, string Key, X509Certificate2 Certificate) WriteSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(_dir, "cert.pem");
        var keyPath = Path.Combine(_dir, "key.pem");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath, certificate);
    }

    private static AgentOptions HttpsOptions(string certificatePath, string keyPath) => AgentTestServer.Options().With(o =>
    {
        o.SslEnabled = true;
        o.SslCertificatePath = certificatePath;
        o.SslKeyPath = keyPath;
    });

    [Fact]
    public async Task Https_is_served_from_pem_files_and_webhook_urls_use_https()
    {
        var (cert, key, certificate) = WriteSelfSigned();
        var options = HttpsOptions(cert, key);
        await using var server = await AgentTestServer.StartAsync(new TestAgent(options));
        using var handler = new HttpClientHandler
        {
            // Pin the certificate the test generated: anything else fails the handshake.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        using var client = server.CreateClient(handler: handler);

        Assert.Equal("https", server.BaseAddress.Scheme);
        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        var swml = await client.FetchSwmlAsync("call-1");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("https://", swml.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("https://", swml.FunctionUrl("secret_action"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_domain_names_the_host_in_webhook_urls_when_https_is_on()
    {
        var (cert, key, _) = WriteSelfSigned();
        var options = HttpsOptions(cert, key).With(o => o.Domain = "agent.example.com");
        await using var server = await AgentTestServer.StartAsync(new TestAgent(options));
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = server.CreateClient(handler: handler);

        var url = (await client.FetchSwmlAsync("call-1")).Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>();

        Assert.EndsWith($"@agent.example.com:{server.BaseAddress.Port}/swaig/", url, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_certificate_fails_at_start_with_the_path_in_the_message()
    {
        var options = HttpsOptions(Path.Combine(_dir, "missing.pem"), Path.Combine(_dir, "missing-key.pem"));

        var ex = Assert.Throws<AgentConfigurationException>(() => AgentApplication.Create(new TestAgent(options)));

        Assert.Contains("missing.pem", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_certificate_fails_at_start_instead_of_falling_back_to_http()
    {
        var cert = Path.Combine(_dir, "cert.pem");
        var key = Path.Combine(_dir, "key.pem");
        File.WriteAllText(cert, "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
        File.WriteAllText(key, "garbage");
        var options = HttpsOptions(cert, key);

        var ex = Assert.Throws<AgentConfigurationException>(() => AgentApplication.Create(new TestAgent(options)));

        Assert.Contains("could not be loaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ssl_enabled_without_paths_fails_at_start()
    {
        var options = AgentTestServer.Options();
        options.SslEnabled = true;
        Assert.Throws<AgentConfigurationException>(() => AgentApplication.Create(new TestAgent(options)));
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_and_can_be_turned_off()
    {
        var (certPath, keyPath, certificate) = WriteSelfSigned();

        async Task<(HttpResponseMessage Page, HttpResponseMessage Missing, string MissingBody)> GetAsync(bool useHsts)
        {
            var options = HttpsOptions(certPath, keyPath).With(o =>
            {
                o.UseHsts = useHsts;
                o.HstsMaxAge = 600;
            });
            await using var server = await AgentTestServer.StartAsync(new TestAgent(options));
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Thumbprint == certificate.Thumbprint };
            using var client = server.CreateClient(handler: handler);
            var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
            // A response no endpoint wrote (no route) is finished by the host, with the same header.
            var missing = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);
            return (page, missing, await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var on = await GetAsync(useHsts: true);
        var off = await GetAsync(useHsts: false);
        using var onPage = on.Page;
        using var onMissing = on.Missing;
        using var offPage = off.Page;
        using var offMissing = off.Missing;
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound), (onPage.StatusCode, onMissing.StatusCode, offPage.StatusCode, offMissing.StatusCode));
        Assert.Equal(["max-age=600; includeSubDomains", "max-age=600; includeSubDomains"], [onPage.Headers.GetValues("Strict-Transport-Security").Single(), onMissing.Headers.GetValues("Strict-Transport-Security").Single()]);
        Assert.Equal(("""{"error":"Not found"}""", """{"error":"Not found"}"""), (on.MissingBody, off.MissingBody));
        Assert.False(offPage.Headers.Contains("Strict-Transport-Security") || offMissing.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>Tests that must not share the CPU with the parallel suite (see <see cref="HttpsTests"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TlsTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "TLS handshakes";
}
