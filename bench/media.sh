#!/usr/bin/env bash
# Media benchmark: makes BENCH_PHOTOS synthetic 12 MP photo-like JPEGs with vips, times the
# command-line baselines (vipsthumbnail, xargs -P2), then starts Atelier on 127.0.0.1 in a
# throw-away ATELIER_HOME and measures ingest (thumbnail + preview), dynamic renditions (cache miss
# and hit, the hits against nginx serving the same files), WebP/AVIF cost and peak memory on a
# 50 MP JPEG; then once more with the pure-Java engine (--atelier.media.libvips=false) for ingest
# and memory. See bench/README.md.
#
#   ./mvnw -DskipTests package && bench/media.sh
#
# Environment: JAVA25, ATELIER_JAR, BENCH_HEAP (256m), BENCH_JVM_OPTS, BENCH_TMPDIR, BENCH_WORKERS (2),
#              BENCH_PHOTOS (30), BENCH_HIT_REQUESTS (2000), BENCH_HIT_WARMUP (a quarter of them, ≥ 100),
#              BENCH_HIT_CONCURRENCY (4), BENCH_FORMAT_PHOTOS (10),
#              BENCH_SKIP_JAVA (1: skip the pure-Java engine run), BENCH_NGINX (0: skip the nginx baseline),
#              BENCH_KEEP (1: keep the work directory with photos, results and server logs),
#              BENCH_ONLY (hit: only the photos, their upload, cache misses and hits against nginx; ~2 minutes).
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
for tool in curl vips vipsthumbnail xargs getconf; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (vips and vipsthumbnail: apt-get install libvips-tools)" >&2; exit 2; }
done
# nginx lives in /usr/sbin, which is not on every user's PATH
NGINX=""
if [[ "${BENCH_NGINX:-1}" != 0 ]]; then
    NGINX="$(command -v nginx || true)"
    if [[ -z "$NGINX" && -x /usr/sbin/nginx ]]; then
        NGINX=/usr/sbin/nginx
    fi
    if [[ -z "$NGINX" ]]; then
        echo "# nginx is not installed: the cache-hit baseline will be skipped (apt-get install nginx)"
    fi
fi
if [[ ! -r /proc/self/stat ]]; then
    echo "/proc is needed to read the media workers' CPU and memory (Linux only)" >&2
    exit 2
fi

JAR="${ATELIER_JAR:-$REPO/target/atelier.jar}"
if [[ ! -f "$JAR" ]]; then
    if [[ -n "${ATELIER_JAR:-}" ]]; then
        echo "ATELIER_JAR=$JAR does not exist" >&2
        exit 2
    fi
    echo "# $JAR is missing; building it (./mvnw -q -B -DskipTests package) ..."
    (cd "$REPO" && ./mvnw -q -B -DskipTests package)
fi

export BENCH_HEAP="${BENCH_HEAP:-256m}"
export BENCH_WORKERS="${BENCH_WORKERS:-2}"
TMPROOT="${BENCH_TMPDIR:-${TMPDIR:-/tmp}}"
# photos, baseline output, results, nginx's files and both servers' homes all live here
WORK="$(mktemp -d "$TMPROOT/atelier-media-bench-XXXXXX")"
SERVER_PID=""
NGINX_PID=""
CLIENT_PID=""
LOG=""

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
    if [[ -n "$CLIENT_PID" ]]; then
        stop "$CLIENT_PID"
    fi
    if [[ -n "$NGINX_PID" ]]; then
        stop "$NGINX_PID"
    fi
    # the server stops its media workers when it shuts down
    if [[ -n "$SERVER_PID" ]]; then
        stop "$SERVER_PID"
    fi
    if [[ $rc -ne 0 && -n "$LOG" && -f "$LOG" ]]; then
        echo "# last lines of the server log:" >&2
        grep -v '^\s*at ' "$LOG" | tail -n 15 >&2 || true
    fi
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
        echo "# kept $WORK (photos, results.properties, server logs under home-*/server.log)" >&2
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

# client PHASE ARGS...: runs MediaBench.java in the background and waits for it, so that a signal
# to this script runs the cleanup at once
client() {
    "$JAVA25" "$BENCH_DIR/MediaBench.java" "$1" --work "$WORK" "${@:2}" &
    CLIENT_PID=$!
    wait "$CLIENT_PID"
    CLIENT_PID=""
}

# start_server NAME ARGS...: a fresh server (its own ATELIER_HOME, so nothing is cached from an
# earlier run) with a new admin password; sets SERVER_PID, BASE and TOKEN
start_server() {
    local name="$1"
    shift
    local home password port token_json
    home="$(mktemp -d "$WORK/home-$name-XXXXXX")"
    LOG="$home/server.log"
    password="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    port="$(free_port)"
    BASE="http://127.0.0.1:$port"
    echo "# starting $(basename "$JAR") ($name) with -Xmx$BENCH_HEAP $* on $BASE"
    # stdin from /dev/null: the server must not share the terminal's input
    # shellcheck disable=SC2086
    ATELIER_HOME="$home" SERVER_PORT="$port" ATELIER_ADMIN_PASSWORD="$password" \
        "$JAVA25" "-Xmx$BENCH_HEAP" ${BENCH_JVM_OPTS:-} -jar "$JAR" \
        --server.address=127.0.0.1 "$@" \
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
    token_json="$(curl -fsS --max-time 30 -u "admin:$password" -H 'Content-Type: application/json' \
        -d '{"name":"media-bench"}' "$BASE/api/v1/tokens")"
    TOKEN="$(printf '%s' "$token_json" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"
    if [[ -z "$TOKEN" ]]; then
        echo "could not create an access token: $token_json" >&2
        exit 1
    fi
    echo "# server is UP (pid $SERVER_PID)"
}

stop_server() {
    stop "$SERVER_PID"
    SERVER_PID=""
}

# start_nginx ROOT: nginx in the foreground (daemon off) with a generated minimal configuration,
# serving ROOT on a free port of 127.0.0.1; pid, logs and temp files stay in $WORK/nginx
start_nginx() {
    local root="$1" dir="$WORK/nginx" temps="" module
    NGINX_PORT="$(free_port)"
    mkdir -p "$dir/tmp"
    # every temp path nginx would otherwise create under /var/lib/nginx, for the modules it was built with
    for module in proxy fastcgi uwsgi scgi; do
        if ! "$NGINX" -V 2>&1 | grep -q -- "--without-http_${module}_module"; then
            temps+="    ${module}_temp_path $dir/tmp/$module;"$'\n'
        fi
    done
    # nginx runs its workers as nobody when started by root: they must be able to reach the files
    chmod 711 "$WORK"
    chmod -R a+rX "$root"
    cat >"$dir/nginx.conf" <<EOF
# generated by bench/media.sh: static files, as a CDN origin or a plain web server would serve them
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events {
    worker_connections 1024;
}
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    types {
        image/jpeg jpg;
    }
    default_type application/octet-stream;
    client_body_temp_path $dir/tmp/body;
$temps    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $root;
    }
}
EOF
    "$NGINX" -p "$dir" -c "$dir/nginx.conf" </dev/null >"$dir/nginx.out" 2>&1 &
    NGINX_PID=$!
    for i in $(seq 50); do
        if ! kill -0 "$NGINX_PID" 2>/dev/null; then
            echo "nginx exited during startup:" >&2
            cat "$dir/nginx.out" "$dir/error.log" >&2 2>/dev/null || true
            exit 1
        fi
        # any HTTP answer will do (the root has no index: 403); 000 means nothing listens yet
        if [[ "$(curl -s --max-time 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/" || true)" != 000 ]]; then
            break
        fi
        if [[ $i -eq 50 ]]; then
            echo "nginx did not answer within 10 s" >&2
            exit 1
        fi
        sleep 0.2
    done
    echo "# nginx is up on 127.0.0.1:$NGINX_PORT (pid $NGINX_PID)"
}

echo "# work directory $WORK"
client prepare

start_server libvips --atelier.media.workers="$BENCH_WORKERS"
client server --engine libvips --base "$BASE" --token "$TOKEN" --server-pid "$SERVER_PID"
if [[ -n "$NGINX" ]]; then
    start_nginx "$WORK/www"
    client load --base "http://127.0.0.1:$NGINX_PORT" --server-pid "$NGINX_PID" --nginx-version "$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')"
    stop "$NGINX_PID"
    NGINX_PID=""
fi
stop_server

if [[ "${BENCH_SKIP_JAVA:-0}" != 1 && "${BENCH_ONLY:-}" != hit ]]; then
    start_server java --atelier.media.workers="$BENCH_WORKERS" --atelier.media.libvips=false
    client server --engine java --base "$BASE" --token "$TOKEN" --server-pid "$SERVER_PID"
    stop_server
fi

client report
