using System.Text.Json.Nodes;
using SignalWire.Agents.Json;
using SignalWire.Rest.Resources;

namespace SignalWire.Rest.DataSphere;

/// <summary>DataSphere (<c>/api/datasphere/documents</c>): documents (add by URL, list, update, delete), their chunks, and search.</summary>
public sealed class DataSphereClient
{
    internal DataSphereClient(RestTransport transport) => Documents = new RestResource(transport, "/api/datasphere/documents");

    /// <summary>Documents (their <c>chunks</c> as a sub-collection).</summary>
    public RestResource Documents { get; }

    /// <summary>Adds the document at <paramref name="url"/> (PDF, Word, text, HTML...), with <paramref name="tags"/> and a <paramref name="chunkingStrategy"/> (<c>sentence</c>, <c>paragraph</c>, <c>page</c>...).</summary>
    public Task<ResourceItem> AddDocumentAsync(Uri url, IEnumerable<string>? tags = null, string? chunkingStrategy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var fields = new JsonObject { ["url"] = url.ToString() };
        if (tags is not null)
        {
            fields["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]);
        }

        if (chunkingStrategy is not null)
        {
            fields["chunking_strategy"] = chunkingStrategy;
        }

        return Documents.CreateAsync(fields, cancellationToken);
    }

    /// <summary>Searches the documents (all, or <c>document_id</c> in <paramref name="options"/>; also <c>tags</c>, <c>distance</c>, <c>count</c>, <c>language</c>...) and returns the text of each matching chunk.</summary>
    public async Task<IReadOnlyList<string>> SearchAsync(string query, JsonObject? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var body = (JsonObject?)options?.DeepClone() ?? [];
        body["query_string"] = query;
        var answer = await Documents.SendAsync(HttpMethod.Post, "search", body, cancellationToken).ConfigureAwait(false);
        return [.. ((answer as JsonObject)?["chunks"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => c.GetString("text"))
            .OfType<string>()];
    }
}
