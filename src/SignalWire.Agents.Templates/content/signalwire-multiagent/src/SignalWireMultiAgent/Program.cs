using SignalWireMultiAgent;

// One listener for every desk: prints the URL, each route and the SIP names. Credentials and the token secret come
// from the environment (SWML_BASIC_AUTH_USER, SWML_BASIC_AUTH_PASSWORD, SIGNALWIRE_SWAIG_SECRET) or are generated.
Desks.Create().Run(args);
