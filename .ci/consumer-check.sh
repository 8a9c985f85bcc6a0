#!/usr/bin/env bash
# Packs every package with eng/pack-local.sh into a local feed (a version unique to this run), creates a console
# project outside the repository that references each library package from that feed, and builds and runs it: one
# snippet per package (eng/consumer/Program.cs), each printing "consumer: ok <package>". The swaig-test tool is
# installed from the feed and asked for its help. Last line: "consumer-check: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

mkdir -p artifacts
feed="$(pwd)/artifacts/consumer-feed"
work=$(mktemp -d)
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
version="0.1.0-ci.$(date -u +%Y%m%d%H%M%S)"
otel=$(sed -n 's/.*Include="OpenTelemetry.Api" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
trap 'rm -rf "$work" "$packages"/signalwire.*/"$version"' EXIT
rm -rf "$feed"

if ! eng/pack-local.sh "$feed" "$version" >"$work/pack.log" 2>&1; then
  tail -20 "$work/pack.log"
  echo "consumer-check: 0 passed, 1 failed"
  exit 1
fi

mkdir -p "$work/Consumer"
cp eng/consumer/Program.cs "$work/Consumer/"
sed -e "s/@VERSION@/$version/g" -e "s/@OTEL@/$otel/g" eng/consumer/Consumer.csproj.in >"$work/Consumer/Consumer.csproj"
eng/local-feed-config.sh "$feed" >"$work/Consumer/nuget.config"
# Outside the repository: none of its Directory.Build.props, Directory.Packages.props or global.json apply.
echo '{}' >"$work/global.json"

passed=0; failed=0
# Every package carries its README, the MIT licence expression and (but for the template pack) its symbols.
missing=""
for package in "$feed"/*."$version".nupkg; do
  name=$(basename "$package" ".$version.nupkg")
  nuspec=$(unzip -p "$package" "$name.nuspec" 2>/dev/null)
  grep -q '<readme>README.md</readme>' <<<"$nuspec" && unzip -l "$package" README.md >/dev/null 2>&1 || missing="$missing $name(readme)"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || missing="$missing $name(license)"
  [ "$name" = "SignalWire.Agents.Templates" ] || [ -f "$feed/$name.$version.snupkg" ] || missing="$missing $name(symbols)"
done
if [ -z "$missing" ]; then
  passed=$((passed + 1)); echo "consumer: ok     packages ($(ls "$feed"/*."$version".nupkg | wc -l) with README, licence and symbols)"
else
  failed=$((failed + 1)); echo "consumer: FAILED packages:$missing"
fi

if (cd "$work/Consumer" && dotnet build -nologo >"$work/build.log" 2>&1); then
  output=$(cd "$work/Consumer" && dotnet run --no-build 2>&1); status=$?
  echo "$output" | grep '^consumer: '
  ran_ok=$(grep -c '^consumer: ok' <<<"$output"); ran_failed=$(grep -c '^consumer: FAILED' <<<"$output")
  if [ "$status" -ne 0 ] && [ "$ran_failed" -eq 0 ]; then ran_failed=1; echo "$output" | tail -20; fi
  passed=$((passed + ran_ok)); failed=$((failed + ran_failed))
else
  failed=$((failed + 1)); echo "consumer: FAILED building the consumer project"; tail -30 "$work/build.log"
fi

if dotnet tool install SignalWire.Agents.Cli --version "$version" --tool-path "$work/tools" --add-source "$feed" >"$work/tool.log" 2>&1 \
  && "$work/tools/swaig-test" --help >"$work/help.log" 2>&1; then
  passed=$((passed + 1)); echo "consumer: ok     SignalWire.Agents.Cli (swaig-test installed from the feed, --help)"
else
  failed=$((failed + 1)); echo "consumer: FAILED SignalWire.Agents.Cli"; tail -10 "$work/tool.log" "$work/help.log" 2>/dev/null
fi

echo "consumer-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
