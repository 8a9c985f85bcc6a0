using FunctionsAgentExample;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SignalWire.Agents.AzureFunctions;

// Credentials and the token secret come from the function app's settings (SWML_BASIC_AUTH_USER,
// SWML_BASIC_AUTH_PASSWORD, SIGNALWIRE_SWAIG_SECRET or SignalWire__Agent__*), never from code.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSignalWireFunctions(new AppointmentDesk());
builder.Build().Run();
