#!/usr/bin/env bash
# R7 drill (issue #17): N consecutive boots of the launcher (default 10), alternately on a fresh
# data folder (odd boots: folder deleted) and on the existing one (even boots), each stopped by
# SIGTERM. Reports, per boot, the time to /health UP, the time SIGTERM took, and any hang: a
# boot that is not UP within MARE_STARTUP_WAIT_SECONDS (here WAIT, default 240 s) makes the
# launcher exit 1 by itself (what a service manager restarts); a launcher still alive past
# WAIT + 30 s is reported as a hang and killed. Loopback only, port 18174.
# Usage: docs/ops/boot-drill.sh [N]
source "$(dirname "$0")/common.sh"
N=${1:-10}; WAIT=${WAIT:-240}; PORT=18174
DATA="$WORK/r7"
fail=0
printf '%-5s %-9s %-12s %-10s %s\n' boot dossier "UP (s)" "arrêt (s)" remarque
for ((b = 1; b <= N; b++)); do
  if ((b % 2 == 1)); then rm -rf "$DATA"; kind=neuf; else kind=existant; fi
  log="$WORK/r7-boot-$b.log"
  pid=$(start_mare "$DATA" $PORT "$log")
  note=""
  if up=$(wait_up $PORT $((WAIT + 30))); then
    stop=$(stop_mare "$pid") || { note="arrêt > 30 s"; fail=1; }
  else
    up="-"
    if kill -0 "$pid" 2>/dev/null; then note="BLOCAGE : toujours vivant après $((WAIT + 30)) s"; stop_mare "$pid" >/dev/null
    else wait "$pid"; note="le lanceur a abandonné seul (code $?) : $(grep -m1 'ne peut pas démarrer' "$log")"; fi
    stop="-"; fail=1
  fi
  left=$(mariadbd_of "$DATA")
  [ -n "$left" ] && { note="$note mariadbd laissé ($left)"; kill "$left"; fail=1; }
  printf '%-5s %-9s %-12.1f %-10.1f %s\n' "$b" "$kind" "${up/-/0}" "${stop/-/0}" "$note"
done
[ $fail = 0 ] && echo "R7 : RÉUSSI ($N démarrages)" || echo "R7 : ÉCHEC"
exit $fail
