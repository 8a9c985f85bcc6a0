#!/usr/bin/env bash
# Packs every SignalWire package into a local NuGet feed with a version unique to this run, so a project of your own
# (or one made from the templates) can use them before they are on a public feed, and re-packing after a pull never
# reuses a stale package from the NuGet cache.
# Usage: eng/pack-local.sh [feed folder, default ~/signalwire-feed] [version, default 0.1.0-local.<UTC timestamp>]
# Prints the version on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

feed="${1:-$HOME/signalwire-feed}"
version="${2:-0.1.0-local.$(date -u +%Y%m%d%H%M%S)}"
mkdir -p "$feed"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Every project under src/ is a package (the templates and the swaig-test tool included).
for project in src/*/; do
  name=$(basename "$project")
  [ -f "$project/$name.csproj" ] || continue
  if ! dotnet pack "$project" -c Release -p:Version="$version" -o "$feed" -nologo >"$log" 2>&1; then
    tail -20 "$log" >&2
    echo "pack-local: packing $name failed" >&2
    exit 1
  fi
  echo "packed $name $version" >&2
done

cat >&2 <<NOTE
To use them, add the feed beside your usual sources (nuget.config next to your solution):
  <configuration><packageSources><add key="signalwire-local" value="$feed" /></packageSources></configuration>
then: dotnet add package SignalWire.Agents.AspNetCore --version $version
NOTE
echo "$version"
