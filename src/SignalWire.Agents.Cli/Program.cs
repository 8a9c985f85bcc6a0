using SignalWire.Agents.Cli;

return await Cli.InvokeAsync(args).ConfigureAwait(false);
