using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsAgentExample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SignalWire.Agents.AzureFunctions.Tests;

/// <summary>
/// The Functions worker's HTTP path, in process on 127.0.0.1: with <c>ConfigureFunctionsWebApplication()</c> the
/// Functions host proxies each HTTP trigger's request to the worker's ASP.NET Core server, which applies the host's
/// forwarded headers, routes on endpoints built from the function metadata (<c>{routePrefix}/{route}</c>, the
/// trigger's methods) and invokes the function with the request. This builds those endpoints from the example's own
/// generated metadata and host.json, and invokes its function class the same way.
/// </summary>
public sealed class FunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly List<string> _afterFunction;

    private FunctionsHost(WebApplication app, Uri baseAddress, FakeLogCollector logs, List<string> afterFunction)
    {
        _app = app;
        _afterFunction = afterFunction;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    /// <summary>Where the worker listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the worker's pipeline saw once each function returned: "endpoint path-base path route-value".</summary>
    public IReadOnlyList<string> AfterFunction
    {
        get
        {
            lock (_afterFunction)
            {
                return [.. _afterFunction];
            }
        }
    }

    /// <summary>Every log record written.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Starts the example's function over the services <paramref name="configure"/> registers, as its Program.cs would.</summary>
    public static async Task<FunctionsHost> StartAsync(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting(Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddFakeLogging();
        builder.Services.AddRouting();
        configure(builder.Services);

        var app = builder.Build();
        // What the worker configures: the host's X-Forwarded-* (from loopback), then routing to the functions.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All });
        app.UseRouting();
        var afterFunction = new List<string>();
        app.Use(async (context, next) =>
        {
            await next(context);
            lock (afterFunction)
            {
                afterFunction.Add($"{context.GetEndpoint()?.DisplayName} {context.Request.PathBase} {context.Request.Path} {context.Request.RouteValues["path"]}");
            }
        });
        var prefix = RoutePrefix();
        foreach (var function in await FunctionsOfExampleAsync())
        {
            var trigger = function.RawBindings!.Select(b => JsonNode.Parse(b)!.AsObject()).Single(b => (string?)b["type"] == "httpTrigger");
            var route = $"{prefix}/{(string?)trigger["route"] ?? function.Name}";
            var methods = trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToArray();
            var entry = EntryPoint(function.EntryPoint!);
            app.MapMethods(route, methods, context => Invoke(entry, context)).WithDisplayName(function.Name!);
        }

        await app.StartAsync();
        return new FunctionsHost(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"), app.Services.GetRequiredService<FakeLogCollector>(), afterFunction);
    }

    /// <summary>A client that sends what the Functions host adds when it proxies a request made to <paramref name="publicHost"/> over HTTPS.</summary>
    public HttpClient CreateClient(bool authenticated = true, string publicHost = "clinic-agent.azurewebsites.net")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", publicHost);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", TestCredentials.EncodedPair);
        }

        return client;
    }

    /// <summary>All log text written so far.</summary>
    public string AllLogText() => string.Join("\n", Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The function metadata the Functions SDK generated for the example (what the worker reports to the host).</summary>
    private static async Task<IReadOnlyList<IFunctionMetadata>> FunctionsOfExampleAsync()
    {
        var provider = typeof(AgentFunction).Assembly.GetTypes()
            .Single(t => !t.IsAbstract && typeof(IFunctionMetadataProvider).IsAssignableFrom(t));
        var instance = (IFunctionMetadataProvider)Activator.CreateInstance(provider, nonPublic: true)!;
        return [.. await instance.GetFunctionMetadataAsync(AppContext.BaseDirectory)];
    }

    /// <summary>The route prefix from the example's host.json (<c>api</c> when it sets none), as the worker reads it.</summary>
    private static string RoutePrefix()
    {
        var path = Path.Combine(RepositoryPaths.Root, "examples", "FunctionsAgent", "host.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString()!
            : "api";
    }

    private static MethodInfo EntryPoint(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = typeof(AgentFunction).Assembly.GetType(entryPoint[..split], throwOnError: true)!;
        return type.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance)!;
    }

    /// <summary>Creates the function class from the request's services and calls it with the request, as the worker's HTTP binding does.</summary>
    private static Task Invoke(MethodInfo method, HttpContext context)
    {
        var function = ActivatorUtilities.CreateInstance(context.RequestServices, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request : (object?)null).ToArray();
        return (Task)method.Invoke(function, arguments)!;
    }
}
