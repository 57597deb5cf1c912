#!/usr/bin/env bash
# Two nodes, one database (issue #17, docs/adr/0032): one MariaDB (Mare's embedded binaries, run
# alone by docs/ops/DrillDatabase.java), two Mare nodes on it that start together (both import the
# demo at once), and nginx in front, round robin, not sticky. Then docs/ops/two_nodes.py checks:
# a login holds on both nodes, a form shown by one is sent to the other, the login throttle counts
# the guesses of both, a two-factor login gives its password to A and its code to B, the message
# of B's redirect is shown by A (ADR 0036), the address behind nginx is the client's, a collective created on B is listed on A within 2 s, and kill -9 of node B
# under load fails at most 1 % of the requests of the 5 s around it, loses no confirmed write and
# no login. Loopback only (ports 18180-18183); bounded (about 3 minutes, WAIT for each start).
# Needs Debian's nginx (apt-get install -y nginx-light) and python3. Run after `mvn package -DskipTests`:
#     docs/ops/two-nodes-drill.sh            (DRILL_DIR=… to keep the folders elsewhere than target/drill)
source "$(dirname "$0")/common.sh"
WAIT=${WAIT:-240}
DB_PORT=18180; PORT_A=18181; PORT_B=18182; PROXY_PORT=18183
DIR="$WORK/two-nodes"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx manque : apt-get install -y nginx-light" >&2; exit 2; }
rm -rf "$DIR"; mkdir -p "$DIR/nginx"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && stop_mare "$pid" >/dev/null; done
}
trap cleanup EXIT

echo "MariaDB seule sur le port $DB_PORT…" >&2
setsid "$JAVA" -cp "$JAR" "$ROOT/docs/ops/DrillDatabase.java" "$DIR/db" $DB_PORT >"$DIR/db.log" 2>&1 &
pids+=($!)
for ((i = 0; i < 240; i++)); do [ -s "$DIR/db/drill-db.env" ] && break; sleep 0.5; done
[ -s "$DIR/db/drill-db.env" ] || { echo "MariaDB n'a pas démarré, voir $DIR/db.log" >&2; exit 1; }
set -a; source "$DIR/db/drill-db.env"; set +a

# What the nodes share besides the database: the key of the view states (ADR 0032). The demo is
# loaded by both at once (#17: that deadlocked one of them); the drill's writer needs high limits.
export MARE_FACES_STATE_KEY=$(head -c 32 /dev/urandom | base64)
export MARE_DEMO=true MARE_LIMITS_TOPICS_PER_MINUTE=100000 MARE_LIMITS_TOPICS_PER_HOUR=100000
# nginx is on this machine: its X-Forwarded-For is believed (ADR 0036).
export MARE_TRUSTED_PROXIES=127.0.0.1
pid_a=$(MARE_NODE_NAME=a start_mare "$DIR/a" $PORT_A "$DIR/a.log")
pid_b=$(MARE_NODE_NAME=b start_mare "$DIR/b" $PORT_B "$DIR/b.log")
pids+=("$pid_a" "$pid_b")
up_a=$(wait_up $PORT_A "$WAIT") || { echo "le nœud A n'a pas démarré, voir $DIR/a.log" >&2; exit 1; }
up_b=$(wait_up $PORT_B "$WAIT") || { echo "le nœud B n'a pas démarré, voir $DIR/b.log" >&2; exit 1; }
demo_loads=$(grep -h "Contenu de démonstration chargé" "$DIR/a.log" "$DIR/b.log" | wc -l)
demo_skips=$(grep -h "la base contient déjà des comptes" "$DIR/a.log" "$DIR/b.log" | wc -l)

cat >"$DIR/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $DIR/nginx/body; proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi; uwsgi_temp_path $DIR/nginx/uwsgi; scgi_temp_path $DIR/nginx/scgi;
  upstream mare { server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=10s; server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=10s; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://mare;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
EOF
"$NGINX" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -g 'daemon off;' >"$DIR/nginx/out.log" 2>&1 &
pids+=($!)
for ((i = 0; i < 50; i++)); do curl -s -o /dev/null "http://127.0.0.1:$PROXY_PORT/health" && break; sleep 0.1; done

echo "Nœuds prêts (A en $up_a s, B en $up_b s) ; vérifications…" >&2
python3 "$ROOT/docs/ops/two_nodes.py" "http://127.0.0.1:$PROXY_PORT" "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" \
  "$pid_b" >"$DIR/checks.tsv"
checks=$?
# The login sent through nginx with « X-Forwarded-For: 203.0.113.9 »: nginx appends 127.0.0.1 (this
# machine, the drill's client), trusted like nginx itself, so the address logged is 203.0.113.9.
forwarded=FAIL; grep -q 'connexion-refusée nom="adresse-[0-9]*" adresse="203.0.113.9"' "$DIR/a.log" "$DIR/b.log" && forwarded=PASS
printf '%s\t%s\t%s\n' "$forwarded" "adresse derrière le proxy" \
  "connexion refusée journalisée avec l'adresse de X-Forwarded-For ($(grep -ho 'connexion-refusée nom="adresse-[0-9]*" adresse="[^"]*"' "$DIR/a.log" "$DIR/b.log" | head -1 | sed 's/.*adresse=//'))" >>"$DIR/checks.tsv"
[ $forwarded = PASS ] || checks=1
demo_ok=FAIL; [ "$demo_loads" = 1 ] && [ "$demo_skips" = 1 ] && demo_ok=PASS
printf '%-5s %-42s %s\n' résultat vérification détail
printf '%-5s %-42s %s\n' "$demo_ok" "démo importée une fois, nœuds démarrés ensemble" \
  "chargée $demo_loads fois, laissée $demo_skips fois (A et B sur la même base)"
while IFS=$'\t' read -r result check detail; do printf '%-5s %-42s %s\n' "$result" "$check" "$detail"; done <"$DIR/checks.tsv"
if [ $checks = 0 ] && [ $demo_ok = PASS ]; then echo "Deux nœuds : RÉUSSI"; exit 0; fi
echo "Deux nœuds : ÉCHEC (journaux dans $DIR)"; exit 1
