using System.Net;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class StaticFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sw-static-").FullName;

    public StaticFilesTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "assets", "img"));
        Directory.CreateDirectory(Path.Combine(_root, "public"));
        File.WriteAllText(Path.Combine(_root, "assets", "widget.js"), "console.log('agent widget');");
        File.WriteAllBytes(Path.Combine(_root, "assets", "img", "logo.png"), [0x89, 0x50, 0x4E, 0x47]);
        File.WriteAllText(Path.Combine(_root, "assets", ".env"), "SECRET=1");
        File.WriteAllText(Path.Combine(_root, "assets", "notes.unknownext"), "?");
        File.WriteAllText(Path.Combine(_root, "outside.txt"), "not served");
        File.WriteAllText(Path.Combine(_root, "public", "hold.txt"), "please hold");
        // Hidden files with a served extension, in the mount and in dot-directories, public and private.
        Directory.CreateDirectory(Path.Combine(_root, "public", ".git"));
        Directory.CreateDirectory(Path.Combine(_root, "assets", ".well-hidden"));
        File.WriteAllText(Path.Combine(_root, "public", ".git", "config.json"), "{\"token\":\"git-secret\"}");
        File.WriteAllText(Path.Combine(_root, "public", ".secrets.json"), "{\"key\":\"hidden-secret\"}");
        File.WriteAllText(Path.Combine(_root, "assets", ".well-hidden", "keys.txt"), "hidden-secret");
        // Links: one to a file outside the mount, one to a directory outside it, one to a file inside it.
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "outside-secret");
        File.CreateSymbolicLink(Path.Combine(_root, "public", "leak.txt"), Path.Combine(_root, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "public", "up"), _root);
        File.CreateSymbolicLink(Path.Combine(_root, "public", "alias.txt"), Path.Combine(_root, "public", "hold.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "via"), _root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<AgentTestServer> StartAsync(string route = "/")
    {
        var agent = new TestAgent(AgentTestServer.Options(route: route))
            .ServeStaticFiles(Path.Combine(_root, "assets"), "/assets")
            .ServeStaticFiles(Path.Combine(_root, "public"), "/public", isPublic: true, maxAge: TimeSpan.FromMinutes(10));
        return await AgentTestServer.StartAsync(agent);
    }

    [Fact]
    public async Task Files_are_served_behind_basic_auth_with_type_and_caching_headers()
    {
        await using var server = await StartAsync();
        using var anonymous = server.CreateClient(authenticated: false);
        using var client = server.CreateClient();

        using var refused = await anonymous.GetAsync("/assets/widget.js", TestContext.Current.CancellationToken);
        using var script = await client.GetAsync("/assets/widget.js", TestContext.Current.CancellationToken);
        using var logo = await client.GetAsync("/assets/img/logo.png", TestContext.Current.CancellationToken);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/assets/widget.js"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("""{"error":"Unauthorized"}""", await refused.ReadTextAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("console.log('agent widget');", await script.ReadTextAsync());
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal("private, max-age=3600", script.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("nosniff", script.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(script.Headers.ETag);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], await logo.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal((HttpStatusCode.OK, 0L), (head.StatusCode, (await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).LongLength));
    }

    [Theory]
    [InlineData("/assets/.env")]
    [InlineData("/assets/notes.unknownext")]
    [InlineData("/assets/")]
    [InlineData("/assets/img")]
    [InlineData("/assets/missing.js")]
    public async Task Hidden_unknown_missing_files_and_directories_are_not_found(string path)
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"Not found"}""", await response.ReadTextAsync());
    }

    [Theory]
    [InlineData("/assets/..%2foutside.txt")]
    [InlineData("/assets/%2e%2e/outside.txt")]
    [InlineData("/assets/..%5coutside.txt")]
    [InlineData("/assets/img/..%2f..%2foutside.txt")]
    public async Task No_path_leaves_the_directory(string path)
    {
        await using var server = await StartAsync();

        var response = await RawHttp.SendAsync(server.BaseAddress, RawHttp.Bytes(
            $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic {TestCredentials.EncodedPair}\r\nConnection: close\r\n\r\n"),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(404, response.Status);
        Assert.DoesNotContain("not served", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/public/.git/config.json")]
    [InlineData("/public/%2Egit/config.json")]
    [InlineData("/public/%2egit/config.json")]
    [InlineData("/public/.secrets.json")]
    [InlineData("/public/%2esecrets.json")]
    [InlineData("/assets/.well-hidden/keys.txt")]
    [InlineData("/public/leak.txt")]
    [InlineData("/public/up/secret.txt")]
    [InlineData("/public/up/public/hold.txt")]
    public async Task Hidden_segments_and_links_out_of_the_mount_are_not_found_with_or_without_credentials(string path)
    {
        await using var server = await StartAsync();
        using var anonymous = server.CreateClient(authenticated: false);
        using var client = server.CreateClient();

        foreach (var http in new[] { anonymous, client })
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
            var body = await response.ReadTextAsync();

            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized });
            Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(server.Logs.GetSnapshot(), r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    /// <summary>A public mount, and a link inside it to a file inside it, served as that file (its own length).</summary>
    [Theory]
    [InlineData("/public/hold.txt")]
    [InlineData("/public/alias.txt")]
    public async Task A_public_mount_needs_no_credentials_and_may_be_cached_by_anyone(string path)
    {
        await using var server = await StartAsync();
        using var anonymous = server.CreateClient(authenticated: false);

        using var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("please hold", await response.ReadTextAsync());
        Assert.Equal("please hold".Length, response.Content.Headers.ContentLength);
        Assert.Equal("public, max-age=600", response.Headers.NonValidated["Cache-Control"].ToString());
    }

    [Fact]
    public async Task A_mount_declared_through_a_linked_folder_is_bounded_where_it_really_is()
    {
        var agent = new TestAgent().ServeStaticFiles(Path.Combine(_root, "via", "public"), "/linked", isPublic: true);
        await using var server = await AgentTestServer.StartAsync(agent);
        using var anonymous = server.CreateClient(authenticated: false);

        using var inside = await anonymous.GetAsync("/linked/alias.txt", TestContext.Current.CancellationToken);
        using var outside = await anonymous.GetAsync("/linked/leak.txt", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "please hold"), (inside.StatusCode, await inside.ReadTextAsync()));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.DoesNotContain("outside-secret", await outside.ReadTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_live_below_the_agents_route_and_only_answer_get_and_head()
    {
        await using var server = await StartAsync(route: "/support");
        using var client = server.CreateClient();

        using var below = await client.GetAsync("/support/assets/widget.js", TestContext.Current.CancellationToken);
        using var top = await client.GetAsync("/assets/widget.js", TestContext.Current.CancellationToken);
        using var post = await client.PostAsync("/support/assets/widget.js", new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed), (below.StatusCode, top.StatusCode, post.StatusCode));
    }

    [Fact]
    public void Mounts_that_cannot_work_are_refused_when_declared()
    {
        var agent = new TestAgent();

        Assert.Throws<DirectoryNotFoundException>(() => agent.ServeStaticFiles(Path.Combine(_root, "nope")));
        Assert.Throws<ArgumentException>(() => agent.ServeStaticFiles(_root, "/"));
        Assert.Throws<ArgumentException>(() => agent.ServeStaticFiles(_root, "/swaig"));
        Assert.Throws<ArgumentException>(() => agent.ServeStaticFiles(_root, "post_prompt/files"));
        agent.ServeStaticFiles(_root, "/files");
        Assert.Throws<ArgumentException>(() => agent.ServeStaticFiles(_root, "/FILES/"));
        Assert.Equal([("/files", _root, false, TimeSpan.FromHours(1))], agent.StaticFiles.Select(m => (m.Route, m.Directory, m.IsPublic, m.MaxAge)));
    }
}
