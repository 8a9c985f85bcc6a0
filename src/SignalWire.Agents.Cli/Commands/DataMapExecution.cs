using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Cli.Loading;
using SignalWire.Agents.Skills;

namespace SignalWire.Agents.Cli.Commands;

/// <summary>
/// <c>--exec NAME --live</c> on a DataMap tool: does what the platform would, for real. The first matching expression
/// answers; otherwise each webhook is requested in turn (URL, headers and params resolved from the arguments) through
/// the skills' untrusted-URL client (SSRF guard after DNS, no proxy, redirects re-checked, time-outs, a size cap),
/// and the first that succeeds (2xx, JSON, none of its <c>error_keys</c>) renders its output from <c>${response.*}</c>,
/// <c>${args.*}</c> and its <c>foreach</c> result; if none does, the fallback output answers.
/// </summary>
internal static class DataMapExecution
{
    public static async Task<JsonNode> RunAsync(string function, JsonObject dataMap, JsonObject arguments, SkillHttp http, TextWriter trace, CancellationToken cancellationToken)
    {
        var args = DataMapPreview.ArgumentLookup(arguments);

        foreach (var expression in (dataMap["expressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var tested = DataMapPreview.Resolve(expression["string"]?.GetValue<string>() ?? string.Empty, args);
            if (DataMapPreview.Matches(expression["pattern"]?.GetValue<string>() ?? string.Empty, tested))
            {
                trace.WriteLine($"expression matched: {tested}");
                return DataMapPreview.ResolveNode(expression["output"], args) ?? new JsonObject();
            }
        }

        var number = 0;
        foreach (var webhook in (dataMap["webhooks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            number++;
            try
            {
                var response = await RequestAsync(webhook, arguments, args, http, number, trace, cancellationToken).ConfigureAwait(false);
                if (Failure(webhook, response) is { } failure)
                {
                    trace.WriteLine($"webhook {number}: {failure}");
                    continue;
                }

                var foreachKey = webhook["foreach"]?["output_key"]?.GetValue<string>();
                var foreachText = webhook["foreach"] is JsonObject each ? Foreach(each, response.Json, args) : null;
                JsonNode? Lookup(string path) =>
                    path.StartsWith("response.", StringComparison.Ordinal) ? DataMapPreview.Select(response.Json, path[9..])
                    : foreachKey is not null && path == foreachKey ? foreachText
                    : args(path);
                return DataMapPreview.ResolveNode(webhook["output"], Lookup) ?? new JsonObject();
            }
            catch (SkillHttpException ex)
            {
                trace.WriteLine($"webhook {number}: {ex.Message}");
            }
        }

        return dataMap["output"] is { } fallback
            ? DataMapPreview.ResolveNode(fallback, args)!
            : throw new CliException($"Every webhook of '{function}' failed and it has no fallback output.");
    }

    private sealed record WebhookResponse(int Status, JsonNode? Json, string? Problem);

    private static async Task<WebhookResponse> RequestAsync(JsonObject webhook, JsonObject arguments, Func<string, JsonNode?> args, SkillHttp http, int number, TextWriter trace, CancellationToken cancellationToken)
    {
        var method = new HttpMethod((webhook["method"]?.GetValue<string>() ?? "GET").ToUpperInvariant());
        var address = DataMapPreview.Resolve(webhook["url"]?.GetValue<string>() ?? string.Empty, args);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return new WebhookResponse(0, null, $"'{address}' is not an absolute URL after resolving the arguments");
        }

        using var request = new HttpRequestMessage(method, uri);
        foreach (var (name, value) in webhook["headers"] as JsonObject ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, DataMapPreview.Resolve(value?.ToString() ?? string.Empty, args));
        }

        var parameters = DataMapPreview.ResolveNode(webhook["params"], args) as JsonObject;
        if (webhook["input_args_as_params"]?.GetValue<bool>() == true)
        {
            parameters = DataMapPreview.Merge(parameters, arguments);
        }

        if (parameters is not null && method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = new StringContent(parameters.ToJsonString(), Encoding.UTF8, MediaTypeNames.Application.Json);
        }

        var response = await http.SendAsync(request, SkillHttpTarget.Untrusted, cancellationToken).ConfigureAwait(false);
        // The query may carry an API key: the trace shows where the request went, not what it said.
        trace.WriteLine($"webhook {number}: {method} {uri.GetLeftPart(UriPartial.Path)} -> {(int)response.StatusCode}");
        try
        {
            return new WebhookResponse((int)response.StatusCode, JsonNode.Parse(response.Body.Span), null);
        }
        catch (JsonException)
        {
            return new WebhookResponse((int)response.StatusCode, null, "the response is not JSON");
        }
    }

    private static string? Failure(JsonObject webhook, WebhookResponse response)
    {
        if (response.Status is < 200 or > 299)
        {
            return response.Problem ?? $"HTTP {response.Status}";
        }

        if (response.Problem is { } problem)
        {
            return problem;
        }

        var errorKeys = (webhook["error_keys"] as JsonArray ?? []).Select(k => k?.GetValue<string>()).OfType<string>();
        return errorKeys.FirstOrDefault(key => response.Json is JsonObject body && body.ContainsKey(key)) is { } found
            ? $"the response has the error key '{found}'"
            : null;
    }

    /// <summary>The <c>foreach</c> text: <c>append</c> rendered for each item of <c>input_key</c> (<c>${this.*}</c>), at most <c>max</c>.</summary>
    private static string Foreach(JsonObject each, JsonNode? body, Func<string, JsonNode?> args)
    {
        var items = DataMapPreview.Select(body, each["input_key"]?.GetValue<string>() ?? string.Empty) as JsonArray ?? [];
        var max = each["max"]?.GetValue<int>() ?? int.MaxValue;
        var append = each["append"]?.GetValue<string>() ?? string.Empty;
        var text = new StringBuilder();
        foreach (var item in items.Take(max))
        {
            text.Append(DataMapPreview.Resolve(append, path => path.StartsWith("this.", StringComparison.Ordinal) ? DataMapPreview.Select(item, path[5..]) : args(path)));
        }

        return text.ToString();
    }
}
