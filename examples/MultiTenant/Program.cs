using SignalWire.Agents.AspNetCore;

new MultiTenantExample.MultiTenantAgent().Run(args);
