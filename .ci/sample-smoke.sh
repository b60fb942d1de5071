#!/usr/bin/env bash
# First-run smoke test of the sample, as a new user meets it on a fresh clone: runs the one command that starts
# appdomain-api on an embedded Kafka broker, waits until /actuator/health is UP and the handlers have their
# partitions, POSTs a cashier and waits until the read model shows it, then stops Maven, the application and
# the broker. Exits non-zero on any failure, with the end of the application's log.
#
# Environment (all optional):
#   SAMPLE_PORT             HTTP port of the sample (default 8080, the documented one)
#   SAMPLE_STARTUP_TIMEOUT  seconds to wait for health UP, build included (default 300)
#   SAMPLE_EVENT_TIMEOUT    seconds to wait for the event to reach the read model (default 30)
#   SAMPLE_LOG              where the run's output goes (default target/sample-smoke.log)
set -euo pipefail
cd "$(dirname "$0")/.."

port="${SAMPLE_PORT:-8080}"
startup_timeout="${SAMPLE_STARTUP_TIMEOUT:-300}"
event_timeout="${SAMPLE_EVENT_TIMEOUT:-30}"
log="${SAMPLE_LOG:-target/sample-smoke.log}"
base="http://localhost:${port}"
command=(mvn -B -pl momentum-kafka-sample -am spring-boot:test-run)
if [[ "$port" != 8080 ]]; then
  command+=("-Dspring-boot.run.arguments=--server.port=${port}")
fi

mkdir -p "$(dirname "$log")"
pgid=""

fail() {
  echo "sample-smoke: FAILED: $*" >&2
  echo "---- last 80 lines of $log ----" >&2
  tail -n 80 "$log" >&2 || true
  exit 1
}

stop() {
  [[ -n "$pgid" ]] || return 0
  local group="$pgid"
  pgid=""
  if kill -0 -- "-$group" 2>/dev/null; then
    echo "sample-smoke: stopping process group $group"
    kill -TERM -- "-$group" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 -- "-$group" 2>/dev/null || return 0
      sleep 0.5
    done
    echo "sample-smoke: process group $group still running after 30 s, killing it" >&2
    kill -KILL -- "-$group" 2>/dev/null || true
    return 1
  fi
}
trap 'stop || true' EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null "$base/actuator/health"; then
  fail "something already answers on port $port; set SAMPLE_PORT to a free port"
fi

echo "sample-smoke: ${command[*]}  (output in $log)"
set -m  # the command gets its own process group: Maven, the application JVM and the broker in it
"${command[@]}" >"$log" 2>&1 &
pgid=$!
set +m

health=""
deadline=$((SECONDS + startup_timeout))
until [[ "$health" == *'"status":"UP"'* && "$health" == *'dev.appdomain.public.cashiers-0'* ]]; do
  kill -0 "$pgid" 2>/dev/null || fail "the command exited before the application was healthy"
  ((SECONDS < deadline)) || fail "/actuator/health not UP with partitions assigned within ${startup_timeout} s: ${health:-no answer}"
  sleep 2
  health="$(curl -s "$base/actuator/health" || true)"
done
echo "sample-smoke: health UP after ${SECONDS} s, the cashier handler has its partition"

tenant="0f8fad5b-d9cb-469f-a165-70867728950e"
name="smoke-$(date +%s)"
response="$(curl -s -w '\n%{http_code}' -X POST "$base/cashiers" -H 'Content-Type: application/json' \
  -d "{\"tenantId\":\"$tenant\",\"name\":\"$name\"}")" || fail "POST /cashiers did not answer"
status="${response##*$'\n'}"
body="${response%$'\n'*}"
[[ "$status" == 202 ]] || fail "POST /cashiers answered $status: $body"
id="$(sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p' <<<"$body")"
[[ -n "$id" ]] || fail "no cashier id in the answer: $body"
echo "sample-smoke: published CashierCreated for cashier $id: $body"

deadline=$((SECONDS + event_timeout))
until [[ "$(curl -s "$base/cashiers/$id" || true)" == *"\"name\":\"$name\""* ]]; do
  ((SECONDS < deadline)) || fail "cashier $id not in the read model within ${event_timeout} s"
  sleep 1
done
echo "sample-smoke: cashier $id is in the read model: $(curl -s "$base/cashiers/$id")"

stop || fail "the application did not stop on SIGTERM"
if curl -s -o /dev/null "$base/actuator/health"; then
  fail "port $port still answers after the stop"
fi
echo "sample-smoke: OK"
