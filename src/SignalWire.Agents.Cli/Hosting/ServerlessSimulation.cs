namespace SignalWire.Agents.Cli.Hosting;

/// <summary>
/// <c>--simulate-serverless</c>: what an agent sees when it runs on a serverless platform with this repository's
/// deployment files (deploy/, docs/deployment.md): the platform's environment variables, the headers its front end
/// or local proxy adds, and for Azure Functions the <c>/api</c> prefix of the HTTP trigger. Nothing is detected from
/// these variables; they show which URLs the agent then renders.
/// </summary>
internal sealed record ServerlessSimulation(string Name, IReadOnlyDictionary<string, string> Environment, IReadOnlyDictionary<string, string> Headers, string PathPrefix)
{
    /// <summary>The platforms <c>--simulate-serverless</c> accepts.</summary>
    public static readonly string[] Platforms = ["azure", "lambda", "cloud-run"];

    /// <summary>The public host each simulated deployment answers on.</summary>
    public string PublicHost => Headers.TryGetValue("X-Forwarded-Host", out var forwarded) ? forwarded : Headers["Host"];

    /// <summary>The simulation of <paramref name="platform"/>.</summary>
    public static ServerlessSimulation For(string platform) => platform switch
    {
        // An isolated-worker function app: the Functions host proxies to the worker with forwarded headers, under /api.
        "azure" => new("azure",
            new Dictionary<string, string>
            {
                ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
                ["WEBSITE_HOSTNAME"] = "swaig-test.azurewebsites.net",
                ["WEBSITE_SITE_NAME"] = "swaig-test",
            },
            new Dictionary<string, string>
            {
                ["X-Forwarded-Host"] = "swaig-test.azurewebsites.net",
                ["X-Forwarded-Proto"] = "https",
                ["X-Forwarded-For"] = "203.0.113.10",
            },
            "/api"),

        // deploy/aws-lambda: a function URL through the Lambda Web Adapter, which calls Kestrel from loopback.
        "lambda" => new("lambda",
            new Dictionary<string, string>
            {
                ["AWS_LAMBDA_FUNCTION_NAME"] = "swaig-test",
                ["AWS_REGION"] = "us-east-1",
                ["AWS_LWA_PORT"] = "8080",
                ["AWS_LWA_READINESS_CHECK_PATH"] = "/health",
                ["SWML_TRUST_PROXY_HEADERS"] = "true",
            },
            new Dictionary<string, string>
            {
                ["Host"] = "swaig-test.lambda-url.us-east-1.on.aws",
                ["X-Forwarded-Proto"] = "https",
                ["X-Forwarded-For"] = "203.0.113.10",
            },
            string.Empty),

        // deploy/cloud-run: the service's public URL given as SWML_PROXY_URL_BASE (its front end is not on loopback).
        "cloud-run" => new("cloud-run",
            new Dictionary<string, string>
            {
                ["K_SERVICE"] = "swaig-test",
                ["K_REVISION"] = "swaig-test-00001-abc",
                ["K_CONFIGURATION"] = "swaig-test",
                ["SWML_PROXY_URL_BASE"] = "https://swaig-test-3x4mpl3-uc.a.run.app",
            },
            new Dictionary<string, string>
            {
                ["Host"] = "swaig-test-3x4mpl3-uc.a.run.app",
                ["X-Forwarded-Proto"] = "https",
                ["X-Forwarded-For"] = "203.0.113.10",
            },
            string.Empty),

        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Unknown platform."),
    };
}
