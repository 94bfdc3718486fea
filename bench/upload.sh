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

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v openssl >/dev/null || { echo "openssl is needed for the baseline" >&2; exit 2; }

TMPROOT="${BENCH_TMPDIR:-${TMPDIR:-/tmp}}"
HOME_DIR="$(mktemp -d "$TMPROOT/atelier-bench-home-XXXXXX")"

cleanup() {
    local rc=$?
    # the client's shutdown hook deletes its input files
    stop_all "$rc"
    rm -rf "$HOME_DIR"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_server "$HOME_DIR" bench --atelier.ingest.max-upload=8GB

run_client "$JAVA25" "$BENCH_DIR/UploadBench.java" --base "$BASE" --token "$TOKEN" \
    --server-opts "-Xmx$BENCH_HEAP ${BENCH_JVM_OPTS:-}"
