#!/usr/bin/env bash
# Upload benchmark: starts Atelier on 127.0.0.1 with a small heap in a throw-away ATELIER_HOME,
# uploads BENCH_SMALL_COUNT small files and one BENCH_BIG_MB MiB file through the API, and compares
# the throughput with `openssl dgst -sha256` on the same bytes. See bench/README.md.
#
#   ./mvnw -DskipTests package && bench/upload.sh
#
# Environment: JAVA25, ATELIER_JAR, BENCH_HEAP (256m), BENCH_JVM_OPTS, BENCH_PORT, BENCH_TMPDIR,
#              BENCH_SMALL_COUNT (1000), BENCH_BIG_MB (1024), BENCH_CONCURRENCY (4),
#              BENCH_CLIENT (httpclient | raw).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH_DIR")"

if [[ -z "${JAVA25:-}" ]]; then
    if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
        JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    else
        JAVA25=java
    fi
fi
command -v "$JAVA25" >/dev/null || { echo "no java: set JAVA25 to a JDK 25 java" >&2; exit 2; }
command -v openssl >/dev/null || { echo "openssl is needed for the baseline" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

JAR="${ATELIER_JAR:-$REPO/target/atelier.jar}"
if [[ ! -f "$JAR" ]]; then
    if [[ -n "${ATELIER_JAR:-}" ]]; then
        echo "ATELIER_JAR=$JAR does not exist" >&2
        exit 2
    fi
    echo "# $JAR is missing; building it (./mvnw -q -B -DskipTests package) ..."
    (cd "$REPO" && ./mvnw -q -B -DskipTests package)
fi

HEAP="${BENCH_HEAP:-256m}"
PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
TMPROOT="${BENCH_TMPDIR:-${TMPDIR:-/tmp}}"
HOME_DIR="$(mktemp -d "$TMPROOT/atelier-bench-home-XXXXXX")"
LOG="$HOME_DIR/server.log"
SERVER_PID=""
CLIENT_PID=""

stop() { # stop PID: SIGTERM, up to 10 s for a graceful exit, then SIGKILL
    kill "$1" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.2
    done
    kill -9 "$1" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    # the client's shutdown hook deletes its input files
    if [[ -n "$CLIENT_PID" ]]; then
        stop "$CLIENT_PID"
    fi
    if [[ -n "$SERVER_PID" ]]; then
        stop "$SERVER_PID"
    fi
    if [[ $rc -ne 0 && -f "$LOG" ]]; then
        echo "# last lines of the server log:" >&2
        grep -v '^\s*at ' "$LOG" | tail -n 15 >&2 || true
    fi
    rm -rf "$HOME_DIR"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -n "${BENCH_PORT:-}" ]]; then
    PORT="$BENCH_PORT"
else
    # a port nobody listens on (a connect to it is refused); a clash at bind time still fails loudly below
    for _ in $(seq 50); do
        PORT=$(( 20000 + RANDOM % 30000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || break
    done
fi
BASE="http://127.0.0.1:$PORT"

echo "# starting $(basename "$JAR") with -Xmx$HEAP on $BASE (ATELIER_HOME=$HOME_DIR)"
# stdin from /dev/null: the server must not share the terminal's input
# shellcheck disable=SC2086
ATELIER_HOME="$HOME_DIR" SERVER_PORT="$PORT" ATELIER_ADMIN_PASSWORD="$PASSWORD" \
    "$JAVA25" "-Xmx$HEAP" ${BENCH_JVM_OPTS:-} -jar "$JAR" \
    --server.address=127.0.0.1 --atelier.ingest.max-upload=8GB \
    </dev/null >"$LOG" 2>&1 &
SERVER_PID=$!

for i in $(seq 180); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "the server exited during startup" >&2
        exit 1
    fi
    if curl -fsS --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
        break
    fi
    if [[ $i -eq 180 ]]; then
        echo "the server did not report UP within 90 s" >&2
        exit 1
    fi
    sleep 0.5
done
echo "# server is UP"

TOKEN_JSON="$(curl -fsS --max-time 30 -u "admin:$PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' "$BASE/api/v1/tokens")"
TOKEN="$(printf '%s' "$TOKEN_JSON" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"
if [[ -z "$TOKEN" ]]; then
    echo "could not create an access token: $TOKEN_JSON" >&2
    exit 1
fi

# in the background and waited for, so that a signal to this script runs the cleanup at once
"$JAVA25" "$BENCH_DIR/UploadBench.java" --base "$BASE" --token "$TOKEN" \
    --server-opts "-Xmx$HEAP ${BENCH_JVM_OPTS:-}" &
CLIENT_PID=$!
wait "$CLIENT_PID"
CLIENT_PID=""
