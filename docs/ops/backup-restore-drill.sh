#!/usr/bin/env bash
# R5 drill (issue #17): backup of a running Mare and of a stopped one, restore into an empty
# folder, same pages on the restored Mare; refusals (non-empty folder, damaged archive); an image
# uploaded and published on the original (#15) comes back: row, file (byte for byte) and page.
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
# An image (#15) sent as a member would without JavaScript, published in a reply of the first topic:
# its row, its file and the page that shows it must all come back with the restore.
U=http://127.0.0.1:18171; CJ="$WORK/r5-cookies"; rm -f "$CJ"
viewstate() { grep -o 'name="jakarta.faces.ViewState"[^>]*' | head -1 | sed -E 's/.*value="([^"]*)".*/\1/'; }
base64 -d >"$WORK/r5-capture.png" <<'PNG'
iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAACn0lEQVR4nA3MkRqFMACA0XEyicdJEo+TSTxOJvHw/5JJPE4m8TiZxONk0nPcex7gCCHoBL1ACQbBJNCCWbAIrGAVbAIv2AWHIApOwSXIglvwCKrgFXwCISSdpJcoySCZJFoySxaJlaySTeIlu+SQRMkpuSRZckseSZW8kk/+I0Wn6BVKMSgmhVbMikVhFatiU3jFrjgUUXEqLkVW3IpHURWv4lP/aKQb6UfUyDAyjeiReWQZsSPryDbiR/aRYySOnCPXSB65R56ROvKOfOM/0nSaXqM0g2bSaM2sWTRWs2o2jdfsmkMTNafm0mTNrXk0VfNqPv2PDJ2hNyjDYJgM2jAbFoM1rIbN4A274TBEw2m4DNlwGx5DNbyGz/wjS2fpLcoyWCaLtsyWxWItq2WzeMtuOSzRclouS7bclsdSLa/ls//I0Tl6h3IMjsmhHbNjcVjH6tgc3rE7Dkd0nI7LkR2343FUx+v43D/ydJ7eozyDZ/Joz+xZPNazejaP9+yewxM9p+fyZM/teTzV83o+/48CXaAPqMAQmAI6MAeWgA2sgS3gA3vgCMTAGbgCOXAHnkANvIEv/KNIF+kjKjJEpoiOzJElYiNrZIv4yB45IjFyRq5IjtyRJ1Ijb+SL/yjRJfqESgyJKaETc2JJ2MSa2BI+sSeOREyciSuRE3fiSdTEm/jSP8p0mT6jMkNmyujMnFkyNrNmtozP7JkjEzNn5srkzJ15MjXzZr78jwpdoS+owlCYCrowF5aCLayFreALe+EoxMJZuAq5cBeeQi28ha/8o0pX6SuqMlSmiq7MlaViK2tlq/jKXjkqsXJWrkqu3JWnUitv5av/qNE1+oZqDI2poRtzY2nYxtrYGr6xN45GbJyNq5Ebd+Np1Mbb+Bo/5nEVX8BSaqMAAAAASUVORK5CYII=
PNG
vs=$(curl -s -c "$CJ" -b "$CJ" "$U/connexion" | viewstate)
curl -s -o /dev/null -c "$CJ" -b "$CJ" --data-urlencode login=login --data-urlencode login:username=camille \
  --data-urlencode login:password=bienvenue-sur-mare --data-urlencode login:submit=Connexion --data-urlencode "jakarta.faces.ViewState=$vs" "$U/connexion"
T1=/t/1/comment-partager-un-dossier-avec-quelqu-un-qui-n-a-pas-de-compte
vs=$(curl -s -c "$CJ" -b "$CJ" "$U$T1" | viewstate)
sent=$(curl -s -c "$CJ" -b "$CJ" -F reply=reply -F "reply:body=Voici mon écran." -F "reply:image=@$WORK/r5-capture.png;type=image/png" \
  -F "reply:imageAlt=Capture de l'écran" -F "reply:upload=Envoyer" -F caret= -F "jakarta.faces.ViewState=$vs" "$U$T1")
MEDIA=$(echo "$sent" | grep -o '/medias/[0-9a-f]\{32\}\.png' | head -1)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$CJ" -b "$CJ" -F reply=reply -F "reply:body=Voici mon écran.

![Capture de l'écran]($MEDIA)" -F reply:submit=Publier -F "jakarta.faces.ViewState=$(echo "$sent" | viewstate)" "$U$T1")
check "une image envoyée et publiée dans une réponse (${MEDIA:-aucune}, publication $code)" '[ -n "$MEDIA" ] && [ "$code" = 302 ]'
curl -s -o "$WORK/r5-image-a.png" -w '%{http_code}' "$U$MEDIA" >"$WORK/r5-image-a.code"
check "l'image est servie aux visiteurs par A ($(cat "$WORK/r5-image-a.code"))" '[ "$(cat "$WORK/r5-image-a.code")" = 200 ]'
fetch_pages 18171 "$WORK/r5-pages-a"
# A file that only the folder knows (no row): it travels too, byte for byte, and is never served.
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
curl -s -o "$WORK/r5-image-b.png" "http://127.0.0.1:18172$MEDIA"
check "la Mare restaurée sert la même image, octet pour octet ($MEDIA)" 'cmp -s "$WORK/r5-image-a.png" "$WORK/r5-image-b.png" && [ -s "$WORK/r5-image-b.png" ]'
check "la page de la Mare restaurée montre l'image" 'grep -q "<img src=\"$MEDIA\"" "$WORK/r5-pages-b/$(echo "$T1" | tr / _).html"'
check "le dossier des images restauré est celui de A (diff -r)" 'diff -r "$A/medias" "$B/medias" >/dev/null'
for f in "$WORK"/r5-pages-a/*.html; do
  n=$(basename "$f")
  check "page ${n//_//} identique ($(wc -c <"$f") octets)" 'cmp -s "$f" "$WORK/r5-pages-b/$n" && [ $(wc -c <"$f") -gt 1000 ]'
done
check "pas de démonstration rechargée sur la base restaurée" '! grep -q "Démonstration : notez" "$WORK/r5-b.log"'
echo "B arrêtée en $(stop_mare "$pid") s"
[ $fail = 0 ] && echo "R5 : RÉUSSI" || echo "R5 : ÉCHEC"
exit $fail
