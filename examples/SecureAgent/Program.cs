using SignalWire.Agents.AspNetCore;
using SecureAgentExample;

new SecureAgent().Run(args);
