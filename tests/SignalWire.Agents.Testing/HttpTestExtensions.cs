using System.Text.Json.Nodes;
using System.Web;
using Xunit;

namespace SignalWire.Agents.Testing;

/// <summary>HTTP helpers for agent tests.</summary>
public static class HttpTestExtensions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.PostAsync(path, SwaigRequests.Json(body), TestContext.Current.CancellationToken);

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

    public static async Task<string> ReadTextAsync(this HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    /// <summary>Fetches the SWML document for <paramref name="callId"/> and returns it.</summary>
    public static async Task<JsonObject> FetchSwmlAsync(this HttpClient client, string callId, string path = "/", string from = "+15559876543")
    {
        using var response = await client.PostJsonAsync(path, SwaigRequests.SwmlFetch(callId, from));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var text = await response.ReadTextAsync();
        SwmlSchema.AssertValid(text);
        return JsonNode.Parse(text)!.AsObject();
    }

    public static JsonObject Ai(this JsonObject swml) =>
        swml["sections"]!["main"]!.AsArray().Select(v => v!["ai"]).Single(a => a is not null)!.AsObject();

    /// <summary>The <c>web_hook_url</c> of function <paramref name="name"/>, as a path and query relative to the server.</summary>
    public static string FunctionUrl(this JsonObject swml, string name) =>
        swml.Ai()["SWAIG"]!["functions"]!.AsArray().Single(f => f!["function"]!.GetValue<string>() == name)!["web_hook_url"]!.GetValue<string>();

    public static string PathAndQuery(string url) => new Uri(url).PathAndQuery;

    public static string TokenOf(string url) => HttpUtility.ParseQueryString(new Uri(url).Query)["__token"]!;
}
