// Bare Kestrel baseline for benchmarks/load.sh: the same host settings as agent.Run() (slim builder,
// no Server header, one listener), answering every POST with a fixed 40-byte JSON body.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

var body = "{\"response\":\"The balance is $12,900.00\"}"u8.ToArray();
var port = int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "3000", System.Globalization.CultureInfo.InvariantCulture);
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.ListenAnyIP(port);
});
var app = builder.Build();
app.MapPost("/{**path}", (HttpContext context) =>
{
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();
