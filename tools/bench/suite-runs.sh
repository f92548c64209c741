#!/bin/bash
# Times, on a running suite (./run --no-aot --demo, loaded), the runs the issues measure through the
# gateway: ml-service's forecast of every school, and the state's monthly reports in each format.
# Usage: MDM_ADMIN_PASSWORD=... tools/bench/suite-runs.sh [month, default 2026-11-01] [out dir, default /tmp/reports]
set -eu
G=${MDM_GATEWAY:-http://localhost:8080}
FROM=${1:-2026-11-01}
OUT=${2:-/tmp/reports}
mkdir -p "$OUT"
TOKEN=$(curl -s -X POST "$G/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"${MDM_ADMIN_USERNAME:-admin}\",\"password\":\"$MDM_ADMIN_PASSWORD\"}" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])')
auth=(-H "Authorization: Bearer $TOKEN")
field() { python3 -c "import sys,json; print(json.load(sys.stdin).get('$1'))"; }
location() { curl -s -o /dev/null -D - "${auth[@]}" "$@" | grep -i '^location:' | tr -d '\r' | awk '{print $2}'; }

# the forecast of every school: the run's own startedAt .. finishedAt
run=$(location -X POST "$G/api/v1/ml/forecast/runs")
while [ "$(curl -s "${auth[@]}" "$G$run" | field status)" = RUNNING ]; do sleep 2; done
curl -s "${auth[@]}" "$G$run" | python3 -c '
import sys, json, datetime
r = json.load(sys.stdin)
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print("forecast run: %s, %d schools, %d forecast, %d DemandForecasted, %.1f s" % (r["status"], r["schools"],
      r["forecast"], r["published"], (t(r["finishedAt"]) - t(r["startedAt"])).total_seconds()))'

# the state's monthly reports: from the request to READY, then downloaded
report() { # type format language
  local start end id status file
  start=$(date +%s.%N)
  id=$(location "$G/api/v1/reports/generate?type=$1&period=MONTHLY&from=$FROM&scope=STATE&code=33&format=$2&language=$3")
  id=${id##*/}
  while true; do
    status=$(curl -s "${auth[@]}" "$G/api/v1/reports/$id" | field status)
    [ "$status" = READY ] || [ "$status" = FAILED ] && break
    sleep 0.5
  done
  end=$(date +%s.%N)
  file="$OUT/$1-$3.$(echo "$2" | tr A-Z a-z)"
  curl -s "${auth[@]}" "$G/api/v1/reports/download/$id" -o "$file"
  printf "%-22s %-4s %-2s %-6s %5.1f s %10s bytes\n" "$1" "$2" "$3" "$status" "$(echo "$end - $start" | bc)" \
    "$(stat -c %s "$file")"
}
for format in CSV XLSX PDF JSON; do report PERFORMANCE $format en; done
for type in FINANCIAL_UTILIZATION RISK_ASSESSMENT COMPLIANCE AUDIT; do report $type PDF en; done
report PERFORMANCE PDF ta
report COMPLIANCE PDF ta
echo "look at the PDFs: for f in $OUT/*.pdf; do pdftoppm -r 60 -png -f 1 -l 2 \$f \${f%.pdf}; done"
