#!/usr/bin/env bash
# The load benchmark: builds in Release, starts mosquitto, Redis and the silo as processes, runs the load
# generator through them and writes bench/results/<timestamp>.md and .json, and bench/results/latest.md.
#
#   bench/run.sh                      # every target (about 8 minutes; run it on an otherwise idle machine)
#   bench/run.sh --smoke --out /tmp/x # a few seconds with small N and R
#   bench/run.sh --storage memory --rate 5000 --duration 20 --big-tanks 0
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/CampWater.Bench/CampWater.Bench.csproj -c Release -v quiet -nologo
exec dotnet bench/CampWater.Bench/bin/Release/net10.0/CampWater.Bench.dll "$@"
