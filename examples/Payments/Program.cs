using SignalWire.Agents.AspNetCore;

new PaymentsExample.BillingAgent().Run(args);
