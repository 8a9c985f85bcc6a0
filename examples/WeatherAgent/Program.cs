using SignalWire.Agents.AspNetCore;

new WeatherAgentExample.WeatherAgent().Run(args);
