#!/usr/bin/env bash
# Packs the SDK and the template pack into a local feed (a version unique to this run), instantiates each template
# into a temporary folder against that feed, and runs the generated project's own tests with `dotnet test`.
# Prints one line per template ("templates: ok ..." / "templates: FAILED ...") and a last line
# "template-check: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

version="0.1.0-ci.$(date +%s)"
mkdir -p artifacts
feed="$(pwd)/artifacts/template-feed"
hive=$(mktemp -d); work=$(mktemp -d)
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
# This run's packages leave the NuGet cache with it (their version is unique to the run).
trap 'rm -rf "$hive" "$work" "$packages"/signalwire.agents*/"$version"' EXIT
rm -rf "$feed"; mkdir -p "$feed"
passed=0; failed=0

for project in src/SignalWire.Agents src/SignalWire.Agents.AspNetCore src/SignalWire.Agents.AzureFunctions src/SignalWire.Agents.Templates; do
  if ! dotnet pack "$project" -c Release -p:Version="$version" -o "$feed" >"$work/pack.log" 2>&1; then
    tail -20 "$work/pack.log"
    echo "templates: FAILED packing $project"
    echo "template-check: 0 passed, 1 failed"
    exit 1
  fi
done
dotnet new install "$feed/SignalWire.Agents.Templates.$version.nupkg" --debug:custom-hive "$hive" >/dev/null

for template in signalwire-agent signalwire-multiagent signalwire-functions; do
  name="Demo$(tr -d '-' <<<"${template#signalwire-}" | sed 's/./\U&/')"
  out="$work/$name"
  if ! dotnet new "$template" -n "$name" -o "$out" --SdkVersion "$version" --debug:custom-hive "$hive" >"$work/$template.log" 2>&1; then
    failed=$((failed + 1)); echo "templates: FAILED $template (dotnet new)"; tail -10 "$work/$template.log"; continue
  fi
  # The local feed beside the default sources: the SDK from this run, everything else as usual.
  eng/local-feed-config.sh "$feed" >"$out/nuget.config"
  started=$(date +%s)
  if (cd "$out" && dotnet test >"$work/$template.test.log" 2>&1); then
    passed=$((passed + 1))
    echo "templates: ok     $template ($(grep -E '^\s+total:' "$work/$template.test.log" | awk '{s+=$2} END {print s}') tests passed in the generated project, $(( $(date +%s) - started )) s)"
  else
    failed=$((failed + 1)); echo "templates: FAILED $template (dotnet test in the generated project)"; tail -30 "$work/$template.test.log"
  fi
done

echo "template-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
