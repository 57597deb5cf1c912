# Shared helpers of the drills (issue #17). Sourced, not run. Loopback only.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${MARE_JAR:-$ROOT/target/mare.jar}
WORK=${DRILL_DIR:-$ROOT/target/drill}
mkdir -p "$WORK"
[ -f "$JAR" ] || { echo "target/mare.jar absent : mvn package -DskipTests" >&2; exit 2; }

# start_mare <data dir> <port> <log> : starts the launcher in the background, prints its pid
start_mare() {
  MARE_DATA_DIR="$1" MARE_HTTP_PORT="$2" MARE_STARTUP_WAIT_SECONDS="${WAIT:-240}" \
    setsid "$JAVA" -jar "$JAR" >"$3" 2>&1 &
  echo $!
}

# wait_up <port> <max seconds> : 0 once /health answers 200; prints the seconds it took
wait_up() {
  local start=$(date +%s.%N) i
  for ((i = 0; i < $2 * 2; i++)); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/health")" = 200 ]; then
      echo "$(echo "$(date +%s.%N) - $start" | bc)"
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# stop_mare <pid> : SIGTERM, waits up to 30 s, prints the seconds it took (kill -9 past that)
stop_mare() {
  local start=$(date +%s.%N) i
  kill -TERM "$1" 2>/dev/null
  for ((i = 0; i < 300; i++)); do
    kill -0 "$1" 2>/dev/null || { echo "$(echo "$(date +%s.%N) - $start" | bc)"; return 0; }
    sleep 0.1
  done
  kill -KILL "$1" 2>/dev/null
  echo "TIMEOUT"
  return 1
}

# mariadbd_of <data dir> : pid of the mariadbd serving that folder, or nothing
mariadbd_of() {
  pgrep -f -- "--datadir=$1/mariadb " || pgrep -f -- "--datadir=$1/mariadb,"
}
