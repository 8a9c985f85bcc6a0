using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>Static files beside the agent: ASP.NET Core's static file middleware behind the agent's guard.</summary>
internal sealed partial class AgentEndpoints
{
    /// <summary>The handler for one mount: the guard (Basic Auth unless public), then the files, else a JSON 404.</summary>
    public RequestDelegate StaticFiles(IEndpointRouteBuilder endpoints, StaticFileMount mount)
    {
        var cacheControl = $"{(mount.IsPublic ? "public" : "private")}, max-age={(long)mount.MaxAge.TotalSeconds}";
        var files = endpoints.CreateApplicationBuilder();
        // The static file middleware stands aside when an endpoint has been chosen; this one is that endpoint.
        files.Use((context, next) =>
        {
            context.SetEndpoint(null);
            return next(context);
        });
        files.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = _settings.Route + mount.Route,
            FileProvider = new ContainedFileProvider(mount.Directory),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = cacheControl,
        });
        files.Run(context => RejectAsync(context, StatusCodes.Status404NotFound, "Not found"));
        var serve = files.Build();
        return context => GuardAsync(context, "static", (_, ctx) => serve(ctx), authenticate: !mount.IsPublic);
    }
}
