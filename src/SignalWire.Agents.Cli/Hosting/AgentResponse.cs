using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Cli.Loading;

namespace SignalWire.Agents.Cli.Hosting;

/// <summary>Reads the agent's answer: the JSON body of a 200, or a <see cref="CliException"/> with the status and the agent's error.</summary>
internal static class AgentResponse
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new CliException($"{what} was refused: HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {text}");
        }

        try
        {
            return JsonNode.Parse(text) ?? throw new CliException($"{what} returned an empty body.");
        }
        catch (JsonException ex)
        {
            throw new CliException($"{what} returned a body that is not JSON: {ex.Message}", ex);
        }
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string relativeUrl, JsonNode body, IEnumerable<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, relativeUrl) { Content = JsonContent.Create(body) };
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                throw new CliException($"--header {name} cannot be set on a request.");
            }
        }

        return client.SendAsync(request, cancellationToken);
    }
}
