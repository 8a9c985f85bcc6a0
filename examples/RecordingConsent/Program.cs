using SignalWire.Agents.AspNetCore;

new RecordingConsentExample.RecordingConsentAgent().Run(args);
