using System.Text.Json.Nodes;

namespace SignalWire.Agents.AspNetCore.Tests.Prefabs;

/// <summary>Helpers for the prefab tests: serving a prefab, calling its tools with a call's global data, and the golden documents.</summary>
internal static class PrefabTest
{
    /// <summary>Test options with the prefab's name and route.</summary>
    public static AgentOptions Options(string name, string route) => AgentTestServer.Options(name, route);

    /// <summary>Calls <paramref name="function"/> at <paramref name="route"/> with <paramref name="args"/> and the call's <paramref name="globalData"/>.</summary>
    public static async Task<string> CallAsync(this HttpClient client, string route, string function, JsonObject? args = null, JsonObject? globalData = null)
    {
        var body = SwaigRequests.Call(function, args);
        if (globalData is not null)
        {
            body["global_data"] = globalData;
        }

        using var response = await client.PostJsonAsync(route.TrimEnd('/') + "/swaig", body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.ReadTextAsync();
    }

    /// <summary>
    /// The served document, with the server's address and credentials replaced by fixed text, compared with
    /// <c>Prefabs/Golden/{name}.json</c>. A changed document is a reviewed change to that file.
    /// </summary>
    public static async Task AssertGoldenAsync(AgentTestServer server, HttpClient client, string route, string name)
    {
        var swml = await client.FetchSwmlAsync("call-golden", route);
        var text = swml.ToWireJson()
            .Replace(server.BaseAddress.Authority, "127.0.0.1:PORT", StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(TestCredentials.Password), "PASSWORD", StringComparison.Ordinal)
            .Replace(TestCredentials.User, "USER", StringComparison.Ordinal);
        var path = Path.Combine(RepositoryPaths.Root, "tests", "SignalWire.Agents.AspNetCore.Tests", "Prefabs", "Golden", name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(path, JsonNode.Parse(text)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", TestContext.Current.CancellationToken);
        }

        var golden = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;
        Assert.Equal(golden.ToWireJson(), JsonNode.Parse(text)!.ToWireJson());
    }
}
