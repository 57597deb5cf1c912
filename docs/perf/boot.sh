#!/usr/bin/env bash
# Measures Mare's start: time from `java -jar target/mare.jar` to the first 200 of /health, and
# the resident memory of the JVM and of mariadbd once ready. Run from the project root after
# `mvn package -DskipTests`:
#     docs/perf/boot.sh [runs] [extra JVM options...]
# Each run starts on a fresh data folder (first start: MariaDB unpacks, migrations, demo) and
# then once more on the same folder (warm start). Only loopback traffic.
set -euo pipefail
runs=${1:-3}; shift || true
jvm_opts=("$@")
port=${MARE_PERF_PORT:-18080}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=target/perf-boot
mkdir -p "$work"

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

start_once() { # label
    local label=$1 start end pid mysqld_pid java_rss db_rss
    start=$(date +%s%N)
    MARE_DATA_DIR="$work/data" MARE_HTTP_PORT=$port "$java_bin" "${jvm_opts[@]}" -jar target/mare.jar > "$work/$label.log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://localhost:$port/health"; do
        if ! kill -0 "$pid" 2>/dev/null; then echo "Mare stopped, see $work/$label.log" >&2; exit 1; fi
        sleep 0.2
    done
    end=$(date +%s%N)
    curl -fs -o /dev/null "http://localhost:$port/"   # one page, as a visitor would
    sleep 8
    java_rss=$(rss_kb "$pid")
    mysqld_pid=$(pgrep -f -- "--datadir=$(realpath "$work/data")/mariadb" | head -n 1 || true)
    db_rss=$( [ -n "$mysqld_pid" ] && rss_kb "$mysqld_pid" || echo 0)
    local ms=$(( (end - start) / 1000000 ))
    printf '| %-5s | %d,%d s | %d MB | %d MB |\n' "$label" $((ms / 1000)) $((ms % 1000 / 100)) $((java_rss / 1024)) $((db_rss / 1024))
    kill -TERM "$pid"; wait "$pid" || true
}

echo "JVM options: ${jvm_opts[*]:-(defaults)}; $(nproc) cores"
echo "| start | to /health 200 | JVM RSS | mariadbd RSS |"
echo "|---|---|---|---|"
for _ in $(seq "$runs"); do
    rm -rf "$work/data"
    start_once first
    start_once warm
done
