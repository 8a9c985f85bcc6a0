using System.Text.Json.Nodes;
using SignalWire.Rest.Resources;

namespace SignalWire.Rest.Video;

/// <summary>Video (<c>/api/video</c>): rooms, room tokens, sessions, recordings, conferences and their tokens, streams.</summary>
public sealed class VideoClient
{
    private readonly RestTransport _transport;

    internal VideoClient(RestTransport transport)
    {
        _transport = transport;
        Rooms = new RestResource(transport, "/api/video/rooms", updateWithPut: true);
        RoomSessions = new RestResource(transport, "/api/video/room_sessions");
        RoomRecordings = new RestResource(transport, "/api/video/room_recordings");
        Conferences = new RestResource(transport, "/api/video/conferences", updateWithPut: true);
        ConferenceTokens = new RestResource(transport, "/api/video/conference_tokens");
        Streams = new RestResource(transport, "/api/video/streams");
    }

    /// <summary>Rooms (their streams through <see cref="RestResource.ListChildrenAsync"/> and <see cref="RestResource.CreateChildAsync"/> with <c>streams</c>).</summary>
    public RestResource Rooms { get; }

    /// <summary>Room sessions (their <c>events</c>, <c>members</c> and <c>recordings</c> as sub-collections).</summary>
    public RestResource RoomSessions { get; }

    /// <summary>Room recordings (their <c>events</c> as a sub-collection).</summary>
    public RestResource RoomRecordings { get; }

    /// <summary>Video conferences (their <c>conference_tokens</c> and <c>streams</c> as sub-collections).</summary>
    public RestResource Conferences { get; }

    /// <summary>Conference tokens (reset one with <see cref="ResetConferenceTokenAsync"/>).</summary>
    public RestResource ConferenceTokens { get; }

    /// <summary>Streams.</summary>
    public RestResource Streams { get; }

    /// <summary>A token to join a room (<paramref name="request"/>: <c>room_name</c>, <c>user_name</c>, <c>permissions</c>...); the token is in the answer's <c>token</c>.</summary>
    public async Task<string> CreateRoomTokenAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync(HttpMethod.Post, "/api/video/room_tokens", (request ?? throw new ArgumentNullException(nameof(request))).DeepClone(), cancellationToken).ConfigureAwait(false);
        return (answer as JsonObject)?["token"]?.GetValue<string>() ?? throw new SignalWireApiException("POST /api/video/room_tokens answered without a token.");
    }

    /// <summary>Replaces a conference token with a new one.</summary>
    public Task<JsonNode?> ResetConferenceTokenAsync(string tokenId, CancellationToken cancellationToken = default) =>
        ConferenceTokens.SendAsync(HttpMethod.Put, RestResource.Segment(tokenId) + "/reset", null, cancellationToken);
}
