using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SignalWire.Rest.Resources;

namespace SignalWire.Rest.Tests;

/// <summary>The collections (Fabric, Video, Logs, Registry, DataSphere and the project's own) against a catch-all fake API.</summary>
public sealed class CollectionTests : IAsyncLifetime
{
    private FakeApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeApi.StartAsync(app =>
        {
            app.MapPost("/api/fabric/subscribers/tokens", () => Results.Text("""{"subscriber_id":"sub-1","token":"eyJ.secret.jwt","refresh_token":"eyJ.refresh"}""", "application/json"));
            app.MapPost("/api/video/room_tokens", () => Results.Text("""{"token":"vt-123"}""", "application/json"));
            app.MapPost("/api/datasphere/documents/search", () => Results.Text("""{"chunks":[{"text":"Refunds within 30 days."},{"text":"Keep the receipt."}]}""", "application/json"));
            app.MapGet("/api/relay/rest/lookup/phone_number/{number}", () => Results.Text("""{"country_code_number":1,"country_code":"US","national_number_formatted":"(415) 555-0150","valid_number":true,"timezones":["America/Los_Angeles"],"carrier":{"lrn":"4155550000","type":"wireless"}}""", "application/json"));
            app.MapPost("/api/relay/rest/mfa/{id}/verify", () => Results.Text("""{"success":true}""", "application/json"));
            app.Map("/{**path}", (HttpRequest request) => request.Method == "DELETE"
                ? Results.NoContent()
                : Results.Text(request.Method == "GET" && !request.Path.Value!.EndsWith("/item-1", StringComparison.Ordinal) && !request.Path.Value.EndsWith("/sip_profile", StringComparison.Ordinal)
                    ? """{"data":[{"id":"item-1","name":"One","type":"ai_agent","created_at":"2026-03-04T05:06:07Z","prompt":{"text":"Hi"}}],"links":{}}"""
                    : """{"id":"item-1","name":"One","status":"active"}""", "application/json"));
        });
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    public static TheoryData<string, string> Collections() => new()
    {
        { "fabric.addresses", "/api/fabric/addresses" },
        { "fabric.resources", "/api/fabric/resources" },
        { "fabric.ai_agents", "/api/fabric/resources/ai_agents" },
        { "fabric.call_flows", "/api/fabric/resources/call_flows" },
        { "fabric.conference_rooms", "/api/fabric/resources/conference_rooms" },
        { "fabric.cxml_applications", "/api/fabric/resources/cxml_applications" },
        { "fabric.cxml_scripts", "/api/fabric/resources/cxml_scripts" },
        { "fabric.cxml_webhooks", "/api/fabric/resources/cxml_webhooks" },
        { "fabric.freeswitch_connectors", "/api/fabric/resources/freeswitch_connectors" },
        { "fabric.relay_applications", "/api/fabric/resources/relay_applications" },
        { "fabric.sip_endpoints", "/api/fabric/resources/sip_endpoints" },
        { "fabric.sip_gateways", "/api/fabric/resources/sip_gateways" },
        { "fabric.subscribers", "/api/fabric/resources/subscribers" },
        { "fabric.swml_scripts", "/api/fabric/resources/swml_scripts" },
        { "fabric.swml_webhooks", "/api/fabric/resources/swml_webhooks" },
        { "video.rooms", "/api/video/rooms" },
        { "video.room_sessions", "/api/video/room_sessions" },
        { "video.room_recordings", "/api/video/room_recordings" },
        { "video.conferences", "/api/video/conferences" },
        { "video.conference_tokens", "/api/video/conference_tokens" },
        { "video.streams", "/api/video/streams" },
        { "logs.messages", "/api/messaging/logs" },
        { "logs.voice", "/api/voice/logs" },
        { "logs.fax", "/api/fax/logs" },
        { "logs.conferences", "/api/logs/conferences" },
        { "registry.brands", "/api/relay/rest/registry/beta/brands" },
        { "registry.campaigns", "/api/relay/rest/registry/beta/campaigns" },
        { "registry.numbers", "/api/relay/rest/registry/beta/numbers" },
        { "registry.orders", "/api/relay/rest/registry/beta/orders" },
        { "datasphere.documents", "/api/datasphere/documents" },
        { "queues", "/api/relay/rest/queues" },
        { "recordings", "/api/relay/rest/recordings" },
        { "verified_callers", "/api/relay/rest/verified_caller_ids" },
        { "addresses", "/api/relay/rest/addresses" },
        { "number_groups", "/api/relay/rest/number_groups" },
        { "short_codes", "/api/relay/rest/short_codes" },
        { "imported_numbers", "/api/relay/rest/imported_phone_numbers" },
        { "projects", "/api/projects" },
        { "project_tokens", "/api/project/tokens" },
    };

    private RestResource Collection(string name)
    {
        var c = _api.Client;
        return name switch
        {
            "fabric.addresses" => c.Fabric.Addresses, "fabric.resources" => c.Fabric.Resources, "fabric.ai_agents" => c.Fabric.AiAgents,
            "fabric.call_flows" => c.Fabric.CallFlows, "fabric.conference_rooms" => c.Fabric.ConferenceRooms, "fabric.cxml_applications" => c.Fabric.CxmlApplications,
            "fabric.cxml_scripts" => c.Fabric.CxmlScripts, "fabric.cxml_webhooks" => c.Fabric.CxmlWebhooks, "fabric.freeswitch_connectors" => c.Fabric.FreeswitchConnectors,
            "fabric.relay_applications" => c.Fabric.RelayApplications, "fabric.sip_endpoints" => c.Fabric.SipEndpoints, "fabric.sip_gateways" => c.Fabric.SipGateways,
            "fabric.subscribers" => c.Fabric.Subscribers, "fabric.swml_scripts" => c.Fabric.SwmlScripts, "fabric.swml_webhooks" => c.Fabric.SwmlWebhooks,
            "video.rooms" => c.Video.Rooms, "video.room_sessions" => c.Video.RoomSessions, "video.room_recordings" => c.Video.RoomRecordings,
            "video.conferences" => c.Video.Conferences, "video.conference_tokens" => c.Video.ConferenceTokens, "video.streams" => c.Video.Streams,
            "logs.messages" => c.Logs.Messages, "logs.voice" => c.Logs.Voice, "logs.fax" => c.Logs.Fax, "logs.conferences" => c.Logs.Conferences,
            "registry.brands" => c.Registry.Brands, "registry.campaigns" => c.Registry.Campaigns, "registry.numbers" => c.Registry.Numbers, "registry.orders" => c.Registry.Orders,
            "datasphere.documents" => c.DataSphere.Documents, "queues" => c.Queues, "recordings" => c.Recordings, "verified_callers" => c.VerifiedCallers,
            "addresses" => c.Addresses, "number_groups" => c.NumberGroups, "short_codes" => c.ShortCodes, "imported_numbers" => c.ImportedNumbers,
            "projects" => c.Projects, "project_tokens" => c.ProjectTokens,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Each_collection_lives_at_its_path_and_reads_its_items(string name, string path)
    {
        var collection = Collection(name);
        var items = new List<ResourceItem>();
        await foreach (var item in collection.ListAsync(new Dictionary<string, string> { ["page_size"] = "10" }, TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        Assert.Equal(path, collection.Path);
        var request = Assert.Single(_api.Server.Requests);
        Assert.Equal(("GET", path, "?page_size=10", FakeApi.Basic), (request.Method, request.Path, request.Query, request.Header("Authorization")));
        var only = Assert.Single(items);
        Assert.Equal(("item-1", "One", "ai_agent", new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero)), (only.Id, only.Name, only.Type, only.CreatedAt));
        Assert.Equal("""{"prompt":{"text":"Hi"}}""", only.Extra!.ToJsonString());
    }

    [Theory]
    [InlineData("fabric.ai_agents", "PATCH")]
    [InlineData("fabric.swml_scripts", "PUT")]
    [InlineData("fabric.sip_gateways", "PATCH")]
    [InlineData("video.rooms", "PUT")]
    [InlineData("queues", "PUT")]
    [InlineData("datasphere.documents", "PATCH")]
    [InlineData("project_tokens", "PATCH")]
    public async Task Items_are_created_read_updated_with_the_collections_method_and_deleted(string name, string updateMethod)
    {
        var collection = Collection(name);
        var ct = TestContext.Current.CancellationToken;

        var created = await collection.CreateAsync(new JsonObject { ["name"] = "One" }, ct);
        var fetched = await collection.GetAsync("item-1", ct);
        var updated = await collection.UpdateAsync("item-1", new JsonObject { ["name"] = "Uno" }, ct);
        await collection.DeleteAsync("item-1", ct);
        await foreach (var child in collection.ListChildrenAsync("item-1", "addresses", cancellationToken: ct))
        {
            Assert.Equal("item-1", child.Id);
        }

        Assert.Equal(["POST", "GET", updateMethod, "DELETE", "GET"], _api.Server.Requests.Select(r => r.Method));
        Assert.Equal([collection.Path, collection.Path + "/item-1", collection.Path + "/item-1", collection.Path + "/item-1", collection.Path + "/item-1/addresses"], _api.Server.Requests.Select(r => r.Path));
        Assert.Equal(["""{"name":"One"}""", "", """{"name":"Uno"}"""], _api.Server.Requests.Take(3).Select(r => r.Body));
        Assert.Equal(("item-1", "active"), (created.Id, updated.Status));
        Assert.Equal("One", fetched.Name);
    }

    [Fact]
    public async Task Tokens_lookups_searches_and_verifications_are_typed()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = await _api.Client.Fabric.CreateSubscriberTokenAsync(new JsonObject { ["reference"] = "alice@example.com" }, ct);
        var roomToken = await _api.Client.Video.CreateRoomTokenAsync(new JsonObject { ["room_name"] = "standup", ["user_name"] = "alice" }, ct);
        var chunks = await _api.Client.DataSphere.SearchAsync("refunds", new JsonObject { ["document_id"] = "doc-1", ["count"] = 2 }, ct);
        var lookup = await _api.Client.Lookup.PhoneNumberAsync("+14155550150", ["carrier"], ct);
        var verified = await _api.Client.Mfa.VerifyAsync("mfa-1", "123456", ct);
        await _api.Client.VerifiedCallers.SubmitVerificationAsync("vc-1", "4321", ct);
        await _api.Client.Fabric.AssignPhoneRouteAsync("res-1", new JsonObject { ["phone_number_id"] = "pn-1", ["handler"] = "calling" }, ct);

        Assert.Equal(("sub-1", "eyJ.secret.jwt", "eyJ.refresh"), (token.SubscriberId, token.Token, token.RefreshToken));
        Assert.DoesNotContain("eyJ", token.ToString(), StringComparison.Ordinal);
        Assert.Equal("vt-123", roomToken);
        Assert.Equal(["Refunds within 30 days.", "Keep the receipt."], chunks);
        Assert.Equal("""{"document_id":"doc-1","count":2,"query_string":"refunds"}""", _api.Server.RequestsTo("/api/datasphere/documents/search")[0].Body);
        Assert.Equal((1, "US", true, "(415) 555-0150", "wireless"), (lookup.CountryCodeNumber, lookup.CountryCode, lookup.ValidNumber, lookup.NationalNumberFormatted, lookup.Carrier!["type"]!.GetValue<string>()));
        Assert.Equal("?include=carrier", _api.Server.RequestsTo("/api/relay/rest/lookup/phone_number/+14155550150")[0].Query);
        Assert.True(verified);
        Assert.Equal("""{"token":"123456"}""", _api.Server.RequestsTo("/api/relay/rest/mfa/mfa-1/verify")[0].Body);
        Assert.Equal(("PUT", """{"verification_code":"4321"}"""), (_api.Server.RequestsTo("/api/relay/rest/verified_caller_ids/vc-1/verification")[0].Method, _api.Server.RequestsTo("/api/relay/rest/verified_caller_ids/vc-1/verification")[0].Body));
        Assert.Equal("""{"phone_number_id":"pn-1","handler":"calling"}""", _api.Server.RequestsTo("/api/fabric/resources/res-1/phone_routes")[0].Body);
    }
}
