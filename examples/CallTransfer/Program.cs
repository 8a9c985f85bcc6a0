using SignalWire.Agents.AspNetCore;

new CallTransferExample.FrontDesk().Run(args);
