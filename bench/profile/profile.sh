#!/usr/bin/env bash
# Samples the silo under load with EventPipe and sums where its CPU goes.
#   bench/profile/profile.sh [seconds]     # default 12
# Runs the benchmark (memory storage, 10,000 tanks, 3,000 readings/s for 45 s), attaches dotnet-trace to the
# silo process it started, converts the trace to speedscope and prints the CPU by part of the path.
# Needs dotnet-trace: dotnet tool install -g dotnet-trace
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds="${1:-12}"
export PATH="$PATH:$HOME/.dotnet/tools"
out="$(mktemp -d)"
dotnet build bench/CampWater.Bench/CampWater.Bench.csproj -c Release -v quiet -nologo
dotnet bench/CampWater.Bench/bin/Release/net10.0/CampWater.Bench.dll --storage memory --rate "${RATE:-3000}" --duration 45 \
    --latency-duration 0 --live-duration 0 --flood-duration 0 --big-tanks 0 --warmup 5 --out "$out" > "$out/bench.log" 2>&1 &
bench=$!
sleep 25
silo="$(pgrep -f 'CampWater.Silo.dll.*campwater-bench-' | head -1)"
dotnet-trace collect -p "$silo" --profile dotnet-sampled-thread-time --duration "00:00:$(printf '%02d' "$seconds")" -o "$out/silo.nettrace"
dotnet-trace convert "$out/silo.nettrace" --format speedscope -o "$out/silo.json" > /dev/null
wait "$bench" || true
grep -E 'throughput: published' "$out/bench.log" || true
python3 bench/profile/cpu_by_part.py "$out/silo.speedscope.json"
echo "trace: $out/silo.nettrace"
