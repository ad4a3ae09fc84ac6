#!/usr/bin/env bash
# benchmarks/run.sh <scenario> <label>: benchmarks a scenario with `ingest bench` (each stage in its own process,
# peak RSS and wall time, grades, STAGE_TIMEOUT_S watchdog) and writes
# benchmarks/results/<scenario>/<label>/summary.json. Compare two runs with:
#   dotnet run --project src/Runner -c Release -- compare BASELINE.json CANDIDATE.json
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: benchmarks/run.sh <scenario> <label>   (scenarios: benchmarks/configs/*.json)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
dotnet build src/Runner -c Release -v quiet -nologo >&2
exec dotnet src/Runner/bin/Release/net10.0/ingest.dll bench "$@"
