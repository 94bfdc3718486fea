#!/usr/bin/env bash
# Search benchmark: makes COUNT synthetic assets (default 1,000,000; fixed seed), indexes them with
# the application's own LuceneAssetIndex and loads them into a throw-away PostgreSQL cluster (full-text
# tsvector + GIN, B-trees, readers array + GIN) as the baseline, then runs the same 1,000 queries (free
# text, filters with facets, a user who may see 1 %) on both, taking turns, and prints p50/p95/p99 and
# the ratios. See bench/README.md.
#
#   bench/search.sh              # 1,000,000 assets, about 20 minutes on a busy 2-core machine
#   bench/search.sh 100000       # a quick check
#
# Needs PostgreSQL's server binaries (Debian: apt-get install postgresql; any version under
# /usr/lib/postgresql, or PG_BIN=/path/to/bin). Compiles the application's classes (./mvnw compile).
#
# Environment: JAVA25, PG_BIN, BENCH_HEAP (2g), BENCH_SEED (42), BENCH_QUERIES (1000), BENCH_WARMUP (200),
#              BENCH_TMPDIR, BENCH_PG_SHARED_BUFFERS (1GB), BENCH_KEEP (1: keep the work directory),
#              BENCH_ENGINES (lucene: leave PostgreSQL out while iterating; no agreement check),
#              BENCH_INDEX (a directory kept between runs: built once, then searched as it is).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH_DIR")"
COUNT="${1:-1000000}"
if ! [[ "$COUNT" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: bench/search.sh [number of assets, default 1000000]" >&2
    exit 2
fi

if [[ -z "${JAVA25:-}" ]]; then
    if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
        JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    else
        JAVA25=java
    fi
fi
command -v "$JAVA25" >/dev/null || { echo "no java: set JAVA25 to a JDK 25 java" >&2; exit 2; }
JAVAC="$(dirname "$(readlink -f "$(command -v "$JAVA25")")")/javac"
[[ -x "$JAVAC" ]] || { echo "no javac next to $JAVA25: a JDK is needed, not a JRE" >&2; exit 2; }

LUCENE_ONLY=""
case "${BENCH_ENGINES:-both}" in
    both) ;;
    lucene) LUCENE_ONLY=1 ;;
    *) echo "BENCH_ENGINES is 'both' (default) or 'lucene'" >&2; exit 2 ;;
esac
if [[ -z "$LUCENE_ONLY" && -z "${PG_BIN:-}" ]]; then
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [[ -z "$LUCENE_ONLY" ]] && [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" || ! -x "$PG_BIN/pg_ctl" ]]; then
    echo "PostgreSQL's server binaries are needed (Debian: apt-get install postgresql), or PG_BIN=/path/to/bin" >&2
    exit 2
fi
# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user
AS_PG=()
if [[ -z "$LUCENE_ONLY" && "$(id -u)" == 0 ]]; then
    id postgres >/dev/null 2>&1 || { echo "running as root needs a 'postgres' user to own the cluster" >&2; exit 2; }
    AS_PG=(runuser -u postgres --)
fi

TMPROOT="${BENCH_TMPDIR:-${TMPDIR:-/tmp}}"
# the index, the cluster, the compiled benchmark and the logs all live here
WORK="$(mktemp -d "$TMPROOT/atelier-search-bench-XXXXXX")"
PGDATA="$WORK/pg"
CLIENT_PID=""
PG_STARTED=""

cleanup() {
    local rc=$?
    if [[ -n "$CLIENT_PID" ]]; then
        kill "$CLIENT_PID" 2>/dev/null || true
        wait "$CLIENT_PID" 2>/dev/null || true
    fi
    if [[ -n "$PG_STARTED" ]]; then
        "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [[ $rc -ne 0 && -f "$WORK/postgres.log" ]]; then
        echo "# last lines of the PostgreSQL log:" >&2
        tail -n 10 "$WORK/postgres.log" >&2 || true
    fi
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
        echo "# kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { # a port nobody listens on (a connect to it is refused); a clash at bind time still fails loudly
    local port
    for _ in $(seq 50); do
        port=$(( 20000 + RANDOM % 30000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
    done
    echo "$port"
}

echo "# work directory $WORK"
echo "# compiling the application's classes and resolving its class path (./mvnw -q -B compile) ..."
(cd "$REPO" && ./mvnw -q -B -DskipTests compile && ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt")
CLASSPATH_APP="$REPO/target/classes:$(cat "$WORK/classpath.txt")"
"$JAVAC" -d "$WORK/classes" -cp "$CLASSPATH_APP" "$BENCH_DIR"/search/*.java

POSTGRES_URL=none
if [[ -z "$LUCENE_ONLY" ]]; then
    PORT="$(free_port)"
    chmod 711 "$WORK"
    mkdir "$PGDATA"
    if [[ ${#AS_PG[@]} -gt 0 ]]; then
        chown postgres "$PGDATA"
        touch "$WORK/postgres.log"
        chown postgres "$WORK/postgres.log"
    fi
    echo "# starting PostgreSQL ($PG_BIN) on 127.0.0.1:$PORT"
    "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; exit 1; }
    # A tuned server, as someone who runs PostgreSQL for search would set it: the data fits in memory,
    # JIT off (it adds compile time to every big query), cheap random reads (the pages are cached).
    cat >>"$PGDATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PGDATA'
shared_buffers = ${BENCH_PG_SHARED_BUFFERS:-1GB}
effective_cache_size = 8GB
work_mem = 64MB
maintenance_work_mem = 1GB
max_wal_size = 8GB
random_page_cost = 1.1
jit = off
EOF
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgres.log" -w -t 60 start >/dev/null
    PG_STARTED=1
    POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres"
fi

# in the background and waited for, so that a signal to this script runs the cleanup at once
# shellcheck disable=SC2086
"$JAVA25" "-Xmx${BENCH_HEAP:-2g}" ${BENCH_JVM_OPTS:-} --enable-native-access=ALL-UNNAMED -Duser.timezone=UTC -cp "$WORK/classes:$CLASSPATH_APP" \
    dev.atelier.search.internal.SearchBench --count "$COUNT" --work "$WORK" \
    --postgres "$POSTGRES_URL" --pgdata "$PGDATA" &
CLIENT_PID=$!
wait "$CLIENT_PID"
CLIENT_PID=""
