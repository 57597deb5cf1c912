#!/usr/bin/env bash
# The read path's benchmark (performance issue #11): Mare and nginx serving the same bytes, side
# by side in one run, with wrk at 16 and 64 connections; server CPU per request (JVM + mariadbd
# CPU time from /proc, divided by the requests wrk completed) and resident memory. Run from the
# project root after `mvn package -DskipTests`; needs Debian's `wrk` and `nginx-light`:
#     docs/perf/read-path.sh            (PERF_SECONDS=10 per run by default)
# Loopback only; bounded: about 25 runs of PERF_SECONDS each, a warm-up of PERF_WARMUP_SECONDS (5)
# per page, plus Mare's start.
set -euo pipefail
seconds=${PERF_SECONDS:-10}
port=${MARE_PERF_PORT:-18092}
nginx_port=$((port + 1))
base=http://127.0.0.1:$port
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(pwd)/target/perf-read
command -v wrk >/dev/null || { echo "wrk manque : apt-get install wrk" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx manque : apt-get install nginx-light" >&2; exit 1; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
rm -rf "$work"; mkdir -p "$work/www"

ticks() { # total utime+stime (clock ticks) of the given pids
    local sum=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] || continue
        sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    echo "$sum"
}
rss_mb() { local sum=0 pid; for pid in "$@"; do sum=$((sum + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0))); done; echo $((sum / 1024)); }
hz=$(getconf CLK_TCK)

echo "Démarrage de Mare (données dans $work/data)…" >&2
MARE_DATA_DIR="$work/data" MARE_HTTP_PORT=$port MARE_LIMITS_REPLIES_PER_MINUTE=100000 MARE_LIMITS_REPLIES_PER_HOUR=100000 \
    "$java_bin" ${PERF_JVM_OPTIONS:-} -jar target/mare.jar > "$work/mare.log" 2>&1 &
mare=$!
nginx_pid=""
cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    kill -TERM "$mare" 2>/dev/null && wait "$mare" 2>/dev/null || true
}
trap cleanup EXIT
started=$(date +%s%N)
until curl -fs -o /dev/null "$base/health"; do
    kill -0 "$mare" 2>/dev/null || { echo "Mare s'est arrêtée, voir $work/mare.log" >&2; exit 1; }
    sleep 0.2
done
boot_ms=$(( ($(date +%s%N) - started) / 1000000 ))
db=$(pgrep -f -- "--datadir=$work/data" | head -n 1 || true)
servers=("$mare" ${db:+"$db"})

echo "Un fil de 100 réponses…" >&2
"$java_bin" docs/perf/ThreadBench.java "$base" 100 1 > "$work/seed.txt"
topic=$(curl -fs "$base/c/vie-du-forum" | grep -o 'href="/t/[0-9]*/banc-d-essai[^"]*"' | head -n 1 | cut -d'"' -f2)
tutorial=""; tutorial_bytes=0   # the longest tutorial of the demo
for t in $(curl -fs "$base/tutoriels" | grep -o 'href="/tutoriels/[a-z0-9-]*"' | cut -d'"' -f2 | sort -u); do
    b=$(curl -fs "$base$t" | wc -c || echo 0)
    if [ "$b" -gt "$tutorial_bytes" ]; then tutorial=$t; tutorial_bytes=$b; fi
done
category=$(curl -fs "$base/" | grep -o 'href="/c/[a-z0-9-]*"' | head -n 1 | cut -d'"' -f2)
pages=("topic of 100 replies|$topic" "tutorial|$tutorial" "home|/" "category|$category" "/voisins|/voisins")

# nginx serves the very bytes Mare sends a visitor, one file per page.
i=0
for entry in "${pages[@]}"; do
    curl -fs "$base${entry#*|}" -o "$work/www/p$i.html"; i=$((i + 1))
done
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server { listen 127.0.0.1:$nginx_port; root $work/www; default_type text/html; }
}
CONF
"$nginx_bin" -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 1
nginx_pids=("$nginx_pid" $(pgrep -P "$nginx_pid"))

run() { # url connections pids... -> "req/s|p50|p99|errors|requests|cpu-ms-per-request"
    local url=$1 connections=$2; shift 2
    local before after out requests rps p50 p99 errors
    wrk -t2 -c"$connections" -d2s "$url" > /dev/null   # warm-up
    before=$(ticks "$@")
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")
    after=$(ticks "$@")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {n += $NF} END {print n + 0}')
    echo "$rps|$p50|$p99|$errors|$requests|$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')"
}

heap_used() { # heap after a full GC, in MB
    jcmd_bin=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
    "$jcmd_bin" "$mare" GC.run > /dev/null 2>&1 || true
    # G1 prints one « garbage-first heap » line; Serial (DefNew, Tenured) and Parallel one line per generation: sum them.
    "$jcmd_bin" "$mare" GC.heap_info 2>/dev/null | awk '/^ *(DefNew|Tenured|def new generation|tenured generation|garbage-first heap|PSYoungGen|ParOldGen)/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i+1); sub(/K,?/, "", v); sum += v}} END {print int(sum / 1024)}'
}

# Warm-up of every page first: the JIT compiles Mare's hot paths during the first seconds, and
# the compiler threads' CPU would otherwise be counted against the first page measured.
for entry in "${pages[@]}"; do
    wrk -t2 -c16 -d"${PERF_WARMUP_SECONDS:-5}s" "$base${entry#*|}" > /dev/null
done
heap_before=$(heap_used)
total_before=$(ticks "${servers[@]}")
echo
echo "Mare $(git describe --always --dirty 2>/dev/null || echo '?'), $(nproc) cœurs, charge $(cut -d' ' -f1-3 /proc/loadavg), $seconds s par mesure, démarrage en $((boot_ms / 1000)),$((boot_ms % 1000 / 100)) s"
echo
echo "| page (visitor) | bytes | Mare req/s @16 | p99 @16 | Mare CPU/req | @64: req/s, p50, p99, errors | nginx req/s @16 | nginx CPU/req | Mare ÷ nginx (req/s @16) |"
echo "|---|---|---|---|---|---|---|---|---|"
i=0
anonymous_requests=0
for entry in "${pages[@]}"; do
    label=${entry%%|*}; path=${entry#*|}
    IFS='|' read -r rps p50 p99 err n cpu <<< "$(run "$base$path" 16 "${servers[@]}")"
    IFS='|' read -r rps64 p50_64 p99_64 err64 n64 cpu64 <<< "$(run "$base$path" 64 "${servers[@]}")"
    IFS='|' read -r nrps np50 np99 nerr nn ncpu <<< "$(run "http://127.0.0.1:$nginx_port/p$i.html" 16 "${nginx_pids[@]}")"
    anonymous_requests=$((anonymous_requests + n + n64))
    printf '| %s | %s | %s | %s | %s ms | %s, %s, %s, %s | %s | %s ms | %s |\n' "$label" "$(stat -c %s "$work/www/p$i.html")" \
        "$rps" "$p99" "$cpu" "$rps64" "$p50_64" "$p99_64" "$err64" "$nrps" "$ncpu" "$(awk -v a="$rps" -v b="$nrps" 'BEGIN {printf "%.2f", a / b}')"
    i=$((i + 1))
done
heap_after=$(heap_used)

# A member's page: a logged-in session (karim of the demo), never served from the page cache.
cookies="$work/cookies"
curl -fs -c "$cookies" -b "$cookies" "$base/connexion" -o "$work/login.html"
curl -fs -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "login=login" --data-urlencode "login:username=karim" \
    --data-urlencode "login:password=bienvenue-sur-mare" --data-urlencode "login:submit=Se connecter" \
    --data-urlencode "jakarta.faces.ViewState=stateless" "$base/connexion"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$cookies")
second=$(awk '$6 == "MARE_SESSION" {print $7}' "$cookies")   # the session's 128-bit second cookie (#10)
wrk -t2 -c16 -d"${PERF_WARMUP_SECONDS:-5}s" -H "Cookie: JSESSIONID=$session; MARE_SESSION=$second" "$base$topic" > /dev/null
before=$(ticks "${servers[@]}")
out=$(wrk -t2 -c16 -d"${seconds}s" --latency -H "Cookie: JSESSIONID=$session; MARE_SESSION=$second" "$base$topic")
after=$(ticks "${servers[@]}")
requests=$(echo "$out" | awk '/requests in/ {print $1}')
echo
echo "| member's page | req/s @16 | p99 @16 | CPU/req |"
echo "|---|---|---|---|"
printf '| topic of 100 replies, logged in | %s | %s | %s ms |\n' "$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')" \
    "$(echo "$out" | awk '$1 == "99%" {print $2}')" "$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')"
echo
echo "Visitors' requests: $anonymous_requests; heap after GC: $heap_before MB before, $heap_after MB after."
echo "RSS after the load: JVM $(rss_mb "$mare") MB + mariadbd $(rss_mb ${db:+"$db"}) MB = $(rss_mb "${servers[@]}") MB."
# With -XX:NativeMemoryTracking=summary in MARE_JVM_OPTIONS (or PERF_JVM_OPTIONS): where the JVM's memory goes.
nmt=$(${JAVA_HOME:+$JAVA_HOME/bin/}jcmd "$mare" VM.native_memory summary 2>/dev/null | awk '/^-/ && /committed=/ {
    name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name); c = $0; sub(/.*committed=/, "", c); sub(/KB.*/, "", c)
    if (c + 0 >= 4096) { printf "%s%s %d", sep, name, c / 1024; sep = ", " } }' || true)
[ -n "$nmt" ] && echo "JVM committed (MB, NMT): $nmt."
echo "Sessions: $(curl -s -D - -o /dev/null "$base$topic" | grep -ci '^set-cookie' || true) Set-Cookie on a visitor's topic page."
