using SignalWire.Agents.AspNetCore;

IntakeFormExample.Intake.Create().Run(args);
