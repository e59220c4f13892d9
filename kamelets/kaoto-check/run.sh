#!/usr/bin/env bash
# Kaoto shows the Segment nodes: builds the Segment catalog merged into Kaoto's catalog library, builds pages of
# Kaoto's own catalog browser and design canvas (from the @kaoto/kaoto npm package), and checks them headless in
# Chromium (check.mjs).
# Needs JDK 17, Maven, Node 20 with npm, and Chromium (CHROMIUM=/path, default /usr/bin/chromium).
# Extra arguments go to Maven, e.g. ./run.sh -o
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

cd "$here"
npm ci --no-audit --no-fund
(cd "$root" && mvn -B verify -pl kamelets -am -DskipTests -DskipITs \
    -Dkaoto.base="$here/node_modules/@kaoto/camel-catalog/dist/camel-catalog" "$@")
npx vite build --logLevel warn
mkdir -p "$root/kamelets/target"
node check.mjs "$root/kamelets/target/kaoto-catalog/library" "$root/kamelets/src/main/resources/kamelets" \
    "$root/kamelets/target/segment-in-kaoto.png"
