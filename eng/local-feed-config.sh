#!/usr/bin/env bash
# Prints a nuget.config that adds the local feed $1 beside the default sources: the SignalWire packages from the
# feed, everything else as usual.
set -euo pipefail
cat <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="signalwire-local" value="$1" />
  </packageSources>
</configuration>
CONFIG
