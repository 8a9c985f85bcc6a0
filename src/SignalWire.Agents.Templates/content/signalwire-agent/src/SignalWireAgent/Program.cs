using SignalWire.Agents.AspNetCore;
using SignalWireAgent;

// Prints the URL and the credentials SignalWire needs. Settings come from appsettings.json (SignalWire:Agent),
// the environment (SWML_BASIC_AUTH_USER, SWML_BASIC_AUTH_PASSWORD, SIGNALWIRE_SWAIG_SECRET, PORT) or user secrets.
new SupportAgent().Run(args);
