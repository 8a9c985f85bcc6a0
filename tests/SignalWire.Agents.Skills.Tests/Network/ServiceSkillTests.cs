using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SignalWire.Agents.Skills.Tests.Network;

/// <summary>google_maps and ask_claude against fake APIs on loopback.</summary>
public sealed class ServiceSkillTests : IAsyncLifetime
{
    private const string MapsKey = "maps-key-0000";
    private const string ClaudeKey = "sk-ant-test-0000";
    private FakeWebServer _api = null!;
    private int _claudeStatus = 200;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeWebServer.StartAsync(app =>
        {
            app.MapGet("/place/autocomplete/json", () => Results.Text("""{"status":"OK","predictions":[{"description":"714 Main St","place_id":"pl-714"}]}""", "application/json"));
            app.MapGet("/place/nearbysearch/json", () => Results.Text("""{"status":"OK","results":[{"name":"Corner Cafe","place_id":"pl-cafe"},{"name":"Walmart Supercenter","place_id":"pl-walmart"}]}""", "application/json"));
            app.MapGet("/place/details/json", (HttpRequest request) => Results.Text(request.Query["place_id"] == "pl-walmart"
                ? """{"status":"OK","result":{"name":"Walmart Supercenter","formatted_address":"1 Retail Way, Springfield, IL","geometry":{"location":{"lat":39.8,"lng":-89.6}}}}"""
                : """{"status":"OK","result":{"name":"714 Main St","formatted_address":"714 Main St, Springfield, IL","geometry":{"location":{"lat":39.78,"lng":-89.65}}}}""", "application/json"));
            app.MapPost("/routes", () => Results.Text("""{"routes":[{"distanceMeters":16093,"duration":"1190s"}]}""", "application/json"));
            app.MapPost("/v1/messages", () => _claudeStatus == 200
                ? Results.Text("""{"content":[{"type":"text","text":"Paris is the capital."},{"type":"tool_use","id":"x"},{"type":"text","text":"It is in France."}]}""", "application/json")
                : Results.Text("""{"type":"error","error":{"type":"overloaded_error"}}""", "application/json", statusCode: _claudeStatus));
        });
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private async Task<ServedAgent> MapsAsync() => await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(SkillHttp.Create()).AddSkill("google_maps", new JsonObject
    {
        ["api_key"] = MapsKey, ["places_base_url"] = _api.Url("place").ToString(), ["routes_url"] = _api.Url("routes").ToString(),
    }));

    [Fact]
    public async Task An_address_in_spoken_digits_is_found_through_autocomplete_and_details()
    {
        await using var served = await MapsAsync();

        Assert.Equal("Address: 714 Main St, Springfield, IL\nCoordinates: 39.78, -89.65", await served.CallAsync("lookup_address", new() { ["address"] = "seven one four Main Street" }));

        var autocomplete = Assert.Single(_api.RequestsTo("/place/autocomplete/json"));
        Assert.Equal(("714 Main Street", MapsKey), (autocomplete.QueryValue("input"), autocomplete.QueryValue("key")));
        Assert.Equal(("pl-714", "name,formatted_address,geometry,types"), (_api.RequestsTo("/place/details/json")[0].QueryValue("place_id"), _api.RequestsTo("/place/details/json")[0].QueryValue("fields")));
        Assert.DoesNotContain(MapsKey, served.Server.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_point_to_search_near_the_nearest_matching_business_is_chosen()
    {
        await using var served = await MapsAsync();

        Assert.Equal("Address: 1 Retail Way, Springfield, IL\nBusiness: Walmart Supercenter\nCoordinates: 39.8, -89.6",
            await served.CallAsync("lookup_address", new() { ["address"] = "Walmart", ["bias_lat"] = 39.78, ["bias_lng"] = -89.65 }));

        var nearby = Assert.Single(_api.RequestsTo("/place/nearbysearch/json"));
        Assert.Equal(("Walmart", "39.78,-89.65", "distance"), (nearby.QueryValue("keyword"), nearby.QueryValue("location"), nearby.QueryValue("rankby")));
        Assert.Empty(_api.RequestsTo("/place/autocomplete/json"));
    }

    [Fact]
    public async Task A_route_is_asked_with_traffic_and_told_in_miles_and_minutes()
    {
        await using var served = await MapsAsync();

        Assert.Equal("Distance: 10.0 miles (16.1 km)\nDriving time: about 20 minutes",
            await served.CallAsync("compute_route", new() { ["origin_lat"] = 39.78, ["origin_lng"] = -89.65, ["dest_lat"] = 39.8, ["dest_lng"] = -89.6 }));

        var route = Assert.Single(_api.RequestsTo("/routes"));
        Assert.Equal("""{"origin":{"location":{"latLng":{"latitude":39.78,"longitude":-89.65}}},"destination":{"location":{"latLng":{"latitude":39.8,"longitude":-89.6}}},"travelMode":"DRIVE","routingPreference":"TRAFFIC_AWARE"}""", route.Body);
        Assert.Equal((MapsKey, "routes.distanceMeters,routes.duration"), (route.Header("X-Goog-Api-Key"), route.Header("X-Goog-FieldMask")));
    }

    [Theory]
    [InlineData("seven one four Main Street", "714 Main Street")]
    [InlineData("Suite nine oh two, Elm", "Suite 902 Elm")]
    [InlineData("one Infinite Loop", "1 Infinite Loop")]
    [InlineData("Main Street", "Main Street")]
    public void Spoken_digits_become_numbers(string spoken, string expected) => Assert.Equal(expected, GoogleMapsSkill.SpokenDigits(spoken));

    [Fact]
    public async Task Claude_is_asked_with_the_operators_and_the_AIs_instructions_and_its_text_returned()
    {
        var parameters = new JsonObject { ["api_key"] = ClaudeKey, ["base_url"] = _api.BaseAddress.ToString(), ["max_tokens"] = 300, ["system_prompt"] = "Answer in one sentence." };
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(SkillHttp.Create()).AddSkill("ask_claude", parameters));

        Assert.Equal("Paris is the capital.\n\nIt is in France.", await served.CallAsync("ask_claude", new() { ["prompt"] = "Capital of France?", ["system_prompt"] = "Be brief." }));

        var request = Assert.Single(_api.RequestsTo("/v1/messages"));
        Assert.Equal($$"""{"model":"{{AskClaudeSkill.DefaultModel}}","max_tokens":300,"messages":[{"role":"user","content":"Capital of France?"}],"system":"Answer in one sentence.\n\nBe brief."}""", request.Body);
        Assert.Equal((ClaudeKey, "2023-06-01"), (request.Header("x-api-key"), request.Header("anthropic-version")));
    }

    [Fact]
    public async Task Claude_failing_is_told_to_the_AI_and_the_key_is_never_logged()
    {
        _claudeStatus = 529;
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(SkillHttp.Create()).AddSkill("ask_claude", new JsonObject { ["api_key"] = ClaudeKey, ["base_url"] = _api.BaseAddress.ToString() }));

        Assert.Equal("Claude is not available right now. Answer as best you can yourself.", await served.CallAsync("ask_claude", new() { ["prompt"] = "Hi" }));
        Assert.DoesNotContain(ClaudeKey, served.Server.AllLogText(), StringComparison.Ordinal);
    }
}
