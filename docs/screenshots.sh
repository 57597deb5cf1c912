#!/bin/sh
# Captures d'écran des pages principales de Mare, à 375 et 1280 px, dans docs/screenshots/
# (README, « Captures d'écran »). Construit Mare si target/mare.jar manque, la démarre avec sa
# démonstration sur un port libre et un dossier de données jetable (target/screenshots-data),
# pilote Chromium sans écran (Debian : apt-get install chromium chromium-driver), puis arrête tout.
set -eu
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
    export JAVA_HOME
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f target/mare.jar ] || [ "${1:-}" = "--build" ]; then
    mvn -q -DskipTests package
fi
rm -f docs/screenshots/*.png
exec "$JAVA" docs/Screenshots.java docs/screenshots 375 1280
