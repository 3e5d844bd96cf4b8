#!/usr/bin/env bash
# Shared by bin/printer-server and bin/print-client: builds MODULE's runnable jar
# when it is missing or older than any source or pom, then runs it.
set -euo pipefail
module="$1"; shift   # artifact id, and its folder under modules/
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && cd .. && pwd)"   # -P: works through a symlinked bin/
jar="$root/modules/$module/target/$module.jar"

stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$root/pom.xml" "$root/modules" \
      \( -name target -prune \) -o \( -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -print \) \
      2>/dev/null | head -n 1)" ]]
}

if stale; then
  echo "building $module (first run or sources changed)..." >&2
  mvn -q -f "$root/pom.xml" -DskipTests -pl "modules/$module" -am package >&2
fi
exec java ${PAPERJAM_JAVA_OPTS:-} -jar "$jar" "$@"
