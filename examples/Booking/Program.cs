using SignalWire.Agents.AspNetCore;

new BookingExample.BookingAgent().Run(args);
