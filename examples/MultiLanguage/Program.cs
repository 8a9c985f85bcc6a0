using SignalWire.Agents.AspNetCore;

new MultiLanguageExample.Concierge().Run(args);
