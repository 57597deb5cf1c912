#!/usr/bin/env bash
# R5 drill (issue #17): backup of a running Mare and of a stopped one, restore into an empty
# folder, same pages on the restored Mare; refusals (non-empty folder, damaged archive).
# Loopback only, ports 18171/18172, ~4 min. Usage: docs/ops/backup-restore-drill.sh
source "$(dirname "$0")/common.sh"
A="$WORK/r5-a"; B="$WORK/r5-b"; C="$WORK/r5-c"
rm -rf "$A" "$B" "$C" "$WORK"/r5-*.zip "$WORK"/r5-pages-*
fail=0
check() { if eval "$2"; then echo "OK    $1"; else echo "ÉCHEC $1"; fail=1; fi; }
PAGES="/ /t/1/comment-partager-un-dossier-avec-quelqu-un-qui-n-a-pas-de-compte /t/5/bienvenue-sur-mare-presentez-vous /tutoriels /tutoriels/partager-un-dossier-par-lien-avec-quelqu-un-qui-n-a-pas-de-compte /voisins /c/applications /u/camille"
# What differs from one instance to the other by design: Faces view state, CSRF tokens, session ids,
# and the relative dates' words (« à l'instant », « il y a 2 minutes »): their exact datetime stays compared.
normalize() { sed -E 's/(<time datetime="[^"]*">)[^<]*</\1</g; s/(ViewState[^>]*value=")[^"]*"/\1X"/g; s/(name="(csrf|_csrf|jeton)[^"]*" value=")[^"]*"/\1X"/g; s/;jsessionid=[^"?]*//g; s/(nonce=")[^"]*"/\1X"/g'; }
fetch_pages() { mkdir -p "$2"; for p in $PAGES; do curl -s --max-time 20 "http://127.0.0.1:$1$p" | normalize >"$2/$(echo "$p" | tr / _).html"; done; }

pid=$(start_mare "$A" 18171 "$WORK/r5-a.log"); t=$(wait_up 18171 300) || { echo "A ne démarre pas"; exit 1; }
echo "A prête en $t s"
fetch_pages 18171 "$WORK/r5-pages-a"
# An uploaded image's file (#15): it must come back with the restore, byte for byte.
mkdir -p "$A/medias" && head -c 4096 /dev/urandom >"$A/medias/0123456789abcdef0123456789abcdef.png"
MARE_DATA_DIR="$A" "$JAVA" -jar "$JAR" backup "$WORK/r5-hot.zip" >"$WORK/r5-backup-hot.log" 2>&1; rc=$?
check "sauvegarde à chaud (code $rc)" '[ $rc = 0 ] && grep -q "à chaud" "$WORK/r5-backup-hot.log"'
MARE_DATA_DIR="$A" "$JAVA" -jar "$JAR" backup "$WORK/r5-hot.zip" >/dev/null 2>&1; rc=$?
check "une sauvegarde n'écrase pas un fichier existant (code $rc)" '[ $rc = 2 ]'
echo "A arrêtée en $(stop_mare "$pid") s"
MARE_DATA_DIR="$A" "$JAVA" -jar "$JAR" backup "$WORK/r5-cold.zip" >"$WORK/r5-backup-cold.log" 2>&1; rc=$?
check "sauvegarde à froid (code $rc)" '[ $rc = 0 ] && grep -q "à froid" "$WORK/r5-backup-cold.log" && [ -z "$(mariadbd_of "$A")" ]'
( cd "$WORK" && rm -rf r5-unz && mkdir r5-unz && cd r5-unz && unzip -q ../r5-hot.zip && sha256sum -c --quiet SHA256SUMS ); rc=$?
check "le manifeste se vérifie avec sha256sum -c" '[ $rc = 0 ]'
check "dump sans DEFINER vide, avec déclencheurs" 'grep -q "TRIGGER moderation_action_no_update" "$WORK/r5-unz/mare.sql"'

MARE_DATA_DIR="$A" "$JAVA" -jar "$JAR" restore "$WORK/r5-hot.zip" >"$WORK/r5-restore-refused.log" 2>&1; rc=$?
check "restauration refusée dans un dossier non vide (code $rc)" '[ $rc = 2 ] && grep -q "pas vide" "$WORK/r5-restore-refused.log"'
cp "$WORK/r5-hot.zip" "$WORK/r5-damaged.zip"
( cd "$WORK/r5-unz" && sed -i 's/Bienvenue/Bienvenux/' mare.sql && rm -f ../r5-damaged.zip && zip -q -r ../r5-damaged.zip . )
MARE_DATA_DIR="$C" "$JAVA" -jar "$JAR" restore "$WORK/r5-damaged.zip" >"$WORK/r5-restore-damaged.log" 2>&1; rc=$?
check "archive abîmée refusée, rien d'écrit (code $rc)" '[ $rc != 0 ] && grep -q "abîmée" "$WORK/r5-restore-damaged.log" && [ ! -e "$C/mariadb" ]'

MARE_DATA_DIR="$B" "$JAVA" -jar "$JAR" restore "$WORK/r5-hot.zip" >"$WORK/r5-restore.log" 2>&1; rc=$?
check "restauration de la sauvegarde à chaud (code $rc)" '[ $rc = 0 ]'
check "les images envoyées (medias/) sont restaurées" 'cmp -s "$A/medias/0123456789abcdef0123456789abcdef.png" "$B/medias/0123456789abcdef0123456789abcdef.png"'
pid=$(start_mare "$B" 18172 "$WORK/r5-b.log"); t=$(wait_up 18172 300) || { echo "B ne démarre pas"; fail=1; }
echo "B (restaurée) prête en $t s"
fetch_pages 18172 "$WORK/r5-pages-b"
for f in "$WORK"/r5-pages-a/*.html; do
  n=$(basename "$f")
  check "page ${n//_//} identique ($(wc -c <"$f") octets)" 'cmp -s "$f" "$WORK/r5-pages-b/$n" && [ $(wc -c <"$f") -gt 1000 ]'
done
check "pas de démonstration rechargée sur la base restaurée" '! grep -q "Démonstration : notez" "$WORK/r5-b.log"'
echo "B arrêtée en $(stop_mare "$pid") s"
[ $fail = 0 ] && echo "R5 : RÉUSSI" || echo "R5 : ÉCHEC"
exit $fail
