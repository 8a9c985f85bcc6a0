using System.Globalization;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Addresses and driving routes from Google Maps: tool <c>lookup_address</c> (argument <c>address</c>, optional
/// <c>bias_lat</c>/<c>bias_lng</c> to find the nearest match, for example the closest branch of a store) and
/// <c>compute_route</c> (origin and destination coordinates; distance and travel time with traffic). Spoken digits
/// ("seven one four Main Street") are read as numbers. Parameters: <c>api_key</c> (or <c>GOOGLE_MAPS_API_KEY</c>),
/// <c>lookup_tool_name</c>, <c>route_tool_name</c>.
/// </summary>
public sealed class GoogleMapsSkill : SkillBase
{
    private static readonly Dictionary<string, char> Digits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = '0', ["oh"] = '0', ["one"] = '1', ["two"] = '2', ["three"] = '3', ["four"] = '4',
        ["five"] = '5', ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
    };

    private Uri? _places;
    private Uri? _routes;
    private string? _key;

    /// <inheritdoc />
    public override string Name => "google_maps";

    /// <inheritdoc />
    public override string Description => "Look up addresses and driving routes (Google Maps)";

    /// <summary>The Google Maps key (else <c>GOOGLE_MAPS_API_KEY</c>).</summary>
    public string? ApiKey { get => GetString("api_key"); set => SetParameter("api_key", value); }

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => SkillSchemas.Object(new JsonObject
    {
        ["api_key"] = SkillSchemas.Secret("Google Maps Platform key (Places and Routes APIs)", "GOOGLE_MAPS_API_KEY"),
        ["lookup_tool_name"] = SkillSchemas.ToolName("The address tool's name (default lookup_address)"),
        ["route_tool_name"] = SkillSchemas.ToolName("The route tool's name (default compute_route)"),
        ["places_base_url"] = SkillSchemas.Url("The Places API's address (default https://maps.googleapis.com/maps/api/place), for proxies and tests"),
        ["routes_url"] = SkillSchemas.Url("The Routes API's computeRoutes address, for proxies and tests"),
    });

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        _key = RequireSecret("api_key", "GOOGLE_MAPS_API_KEY");
        _places = GetUrl("places_base_url", "https://maps.googleapis.com/maps/api/place");
        _routes = GetUrl("routes_url", "https://routes.googleapis.com/directions/v2:computeRoutes");
        var lookup = GetString("lookup_tool_name") ?? "lookup_address";
        var route = GetString("route_tool_name") ?? "compute_route";
        context.DefineTool(lookup, "Find a street address or a business and its coordinates; give bias_lat and bias_lng to find the match nearest that point",
            SkillSchemas.Object(new JsonObject
            {
                ["address"] = new JsonObject { ["type"] = "string", ["description"] = "The address or business name", ["minLength"] = 1, ["maxLength"] = 300 },
                ["bias_lat"] = SkillSchemas.Number("Latitude to search near", -90, 90),
                ["bias_lng"] = SkillSchemas.Number("Longitude to search near", -180, 180),
            }, "address"), LookupAsync);
        context.DefineTool(route, "Driving distance and time between two points (with traffic)",
            SkillSchemas.Object(new JsonObject
            {
                ["origin_lat"] = SkillSchemas.Number("Origin latitude", -90, 90),
                ["origin_lng"] = SkillSchemas.Number("Origin longitude", -180, 180),
                ["dest_lat"] = SkillSchemas.Number("Destination latitude", -90, 90),
                ["dest_lng"] = SkillSchemas.Number("Destination longitude", -180, 180),
            }, "origin_lat", "origin_lng", "dest_lat", "dest_lng"), RouteAsync);
        context.AddHints("address", "directions", "route", "miles");
        context.AddPromptSection("Maps", "You can find addresses and driving routes.", [
            $"Use {lookup} to confirm an address or find a business; pass the coordinates of a known point to find the nearest one.",
            $"Use {route} with the coordinates {lookup} returned to tell the caller the distance and the driving time.",
        ]);
    }

    /// <summary>Runs of spoken digits become numbers: "seven one four Main" → "714 Main".</summary>
    internal static string SpokenDigits(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>();
        var digits = string.Empty;
        foreach (var word in words)
        {
            if (Digits.TryGetValue(word.Trim(',', '.'), out var digit))
            {
                digits += digit;
                continue;
            }

            if (digits.Length > 0)
            {
                result.Add(digits);
                digits = string.Empty;
            }

            result.Add(word);
        }

        if (digits.Length > 0)
        {
            result.Add(digits);
        }

        return string.Join(' ', result);
    }

    private async ValueTask<FunctionResult> LookupAsync(JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        var address = SpokenDigits(args.GetString("address")!.Trim());
        var bias = args["bias_lat"] is JsonValue lat && args["bias_lng"] is JsonValue lng ? $"{lat.GetValue<double>().ToString(CultureInfo.InvariantCulture)},{lng.GetValue<double>().ToString(CultureInfo.InvariantCulture)}" : null;
        var http = HttpFor(call);
        try
        {
            string? placeId = null;
            if (bias is not null)
            {
                var nearby = await http.GetJsonAsync(Places($"nearbysearch/json?keyword={Uri.EscapeDataString(address)}&location={bias}&rankby=distance"), cancellationToken: cancellationToken).ConfigureAwait(false);
                var results = (nearby["results"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                placeId = (results.FirstOrDefault(r => r.GetString("name")?.Contains(address, StringComparison.OrdinalIgnoreCase) == true) ?? results.FirstOrDefault())?.GetString("place_id");
            }

            if (placeId is null)
            {
                var near = bias is null ? string.Empty : $"&location={bias}&radius=50000";
                var predictions = await http.GetJsonAsync(Places($"autocomplete/json?input={Uri.EscapeDataString(address)}{near}"), cancellationToken: cancellationToken).ConfigureAwait(false);
                placeId = (predictions["predictions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault()?.GetString("place_id");
            }

            if (placeId is null)
            {
                return new FunctionResult("I could not find that address. Ask the caller for the street, number and town.");
            }

            var details = await http.GetJsonAsync(Places($"details/json?place_id={Uri.EscapeDataString(placeId)}&fields=name,formatted_address,geometry,types"), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (details["result"] is not JsonObject place || place["geometry"]?["location"] is not JsonObject location)
            {
                return new FunctionResult("I could not find that address. Ask the caller for the street, number and town.");
            }

            var formatted = place.GetString("formatted_address") ?? address;
            var name = place.GetString("name");
            var business = name is not null && !formatted.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? $"\nBusiness: {name}" : string.Empty;
            return new FunctionResult($"Address: {formatted}{business}\nCoordinates: {location["lat"]?.ToJsonString()}, {location["lng"]?.ToJsonString()}");
        }
        catch (SkillHttpException)
        {
            return new FunctionResult("The map service is not answering right now. Offer to try again later.");
        }
    }

    private async ValueTask<FunctionResult> RouteAsync(JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        static JsonObject Point(JsonNode? lat, JsonNode? lng) => new() { ["location"] = new JsonObject { ["latLng"] = new JsonObject { ["latitude"] = lat?.DeepClone(), ["longitude"] = lng?.DeepClone() } } };
        var body = new JsonObject
        {
            ["origin"] = Point(args["origin_lat"], args["origin_lng"]),
            ["destination"] = Point(args["dest_lat"], args["dest_lng"]),
            ["travelMode"] = "DRIVE",
            ["routingPreference"] = "TRAFFIC_AWARE",
        };
        try
        {
            var response = await HttpFor(call).PostJsonAsync(_routes!, body, [new("X-Goog-Api-Key", _key!), new("X-Goog-FieldMask", "routes.distanceMeters,routes.duration")], cancellationToken).ConfigureAwait(false);
            if ((response["routes"] as JsonArray)?.FirstOrDefault() is not JsonObject route)
            {
                return new FunctionResult("There is no driving route between those places.");
            }

            var meters = route.GetInt32("distanceMeters") ?? 0;
            var seconds = int.TryParse(route.GetString("duration")?.TrimEnd('s'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
            return new FunctionResult(string.Create(CultureInfo.InvariantCulture, $"Distance: {meters / 1609.344:0.0} miles ({meters / 1000.0:0.0} km)\nDriving time: about {Math.Max(1, (int)Math.Round(seconds / 60.0))} minutes"));
        }
        catch (SkillHttpException)
        {
            return new FunctionResult("The route service is not answering right now. Offer to try again later.");
        }
    }

    private Uri Places(string pathAndQuery) => new($"{_places!.AbsoluteUri.TrimEnd('/')}/{pathAndQuery}&key={Uri.EscapeDataString(_key!)}");
}
