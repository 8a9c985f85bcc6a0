using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SignalWire.Agents.AzureFunctions;
using SignalWireFunctionApp;

// Set SWML_BASIC_AUTH_USER, SWML_BASIC_AUTH_PASSWORD and SIGNALWIRE_SWAIG_SECRET in the app settings (or
// local.settings.json): a scaled-out function app refuses generated ones.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSignalWireFunctions(new FrontDeskAgent());
builder.Build().Run();
