using System.Text.Json.Nodes;

namespace SignalWire.Rest.Resources;

/// <summary>
/// An API collection at <see cref="Path"/>: list (paged), get, create, update (PUT or PATCH, as the collection
/// takes it), delete, the item's own sub-collections, and any other action through <see cref="SendAsync"/>.
/// </summary>
public class RestResource
{
    private readonly RestTransport _transport;
    private readonly HttpMethod _update;

    internal RestResource(RestTransport transport, string path, bool updateWithPut = false)
    {
        _transport = transport;
        Path = path;
        _update = updateWithPut ? HttpMethod.Put : HttpMethod.Patch;
    }

    /// <summary>The collection's path from the API root.</summary>
    public string Path { get; }

    /// <summary>Every item, page after page as you read (<paramref name="query"/>: the collection's filters and <c>page_size</c>).</summary>
    public IAsyncEnumerable<ResourceItem> ListAsync(IReadOnlyDictionary<string, string>? query = null, CancellationToken cancellationToken = default) =>
        _transport.ListAsync(Path + Query(query), ResourcesJsonContext.Default.ResourceItem, cancellationToken);

    /// <summary>One item.</summary>
    public Task<ResourceItem> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Get, ItemPath(id), null, ResourcesJsonContext.Default.ResourceItem, cancellationToken);

    /// <summary>Creates an item from <paramref name="fields"/> (the collection's own fields, as the API names them).</summary>
    public Task<ResourceItem> CreateAsync(JsonObject fields, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, Path, (fields ?? throw new ArgumentNullException(nameof(fields))).DeepClone(), ResourcesJsonContext.Default.ResourceItem, cancellationToken);

    /// <summary>Changes an item's <paramref name="fields"/>.</summary>
    public Task<ResourceItem> UpdateAsync(string id, JsonObject fields, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(_update, ItemPath(id), (fields ?? throw new ArgumentNullException(nameof(fields))).DeepClone(), ResourcesJsonContext.Default.ResourceItem, cancellationToken);

    /// <summary>Deletes an item.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync(HttpMethod.Delete, ItemPath(id), null, cancellationToken).ConfigureAwait(false);

    /// <summary>An item's sub-collection (<c>addresses</c>, <c>members</c>, <c>events</c>, <c>versions</c>...), page after page.</summary>
    public IAsyncEnumerable<ResourceItem> ListChildrenAsync(string id, string children, IReadOnlyDictionary<string, string>? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(children);
        return _transport.ListAsync(ItemPath(id) + "/" + Segment(children) + Query(query), ResourcesJsonContext.Default.ResourceItem, cancellationToken);
    }

    /// <summary>Creates an item in an item's sub-collection (an address route, a stream, a campaign...).</summary>
    public Task<ResourceItem> CreateChildAsync(string id, string children, JsonObject fields, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(children);
        return _transport.SendAsync(HttpMethod.Post, ItemPath(id) + "/" + Segment(children), (fields ?? throw new ArgumentNullException(nameof(fields))).DeepClone(), ResourcesJsonContext.Default.ResourceItem, cancellationToken);
    }

    /// <summary>Any other action on the collection: <paramref name="relativePath"/> is appended to <see cref="Path"/> (segments are escaped by you).</summary>
    public Task<JsonNode?> SendAsync(HttpMethod method, string relativePath, JsonNode? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativePath);
        return _transport.SendAsync(method, Path + (relativePath.Length == 0 ? string.Empty : "/" + relativePath.TrimStart('/')), body, cancellationToken);
    }

    internal static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }

    internal static string Query(IReadOnlyDictionary<string, string>? query) =>
        query is { Count: > 0 } ? "?" + string.Join('&', query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))) : string.Empty;

    private string ItemPath(string id) => Path + "/" + Segment(id);
}
