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
  # Maven leaves the jar alone when none of its own inputs changed (an edit to the other program's sources,
  # say): mark it current, or every later run would find the same newer file and build again.
  touch "$jar"
fi
# Class-data sharing: after a build, a training run records the classes the program loads
# into an archive beside the jar; every later run maps it instead of loading, parsing and
# verifying them again. Written under a unique name and renamed, so two launchers racing never
# leave a torn archive.
cds="${jar%.jar}.jsa"
quiet=(-Xlog:disable -Xlog:all=error:stderr)   # keeps JVM notices out of --json output
if [[ ! -f "$cds" || "$jar" -nt "$cds" ]]; then
  if [[ "$module" == print-client ]]; then
    # The client is trained by real status/submit/jobs/help runs against a stand-in printer
    # (CdsTraining), and archived statically from that class list: unlike JDK 17's dynamic
    # archive, a static one also holds picocli's Java 5 classes and those implementing its interfaces.
    # A training run that fails (no loopback, say) still lists what it loaded: archive that
    # rather than train again on every run.
    java "${quiet[@]}" -XX:DumpLoadedClassList="$cds.$$.classes" -cp "$jar" io.paperjam.client.cli.CdsTraining \
        >/dev/null 2>&1 || true
    java "${quiet[@]}" -Xshare:dump -XX:SharedClassListFile="$cds.$$.classes" -XX:SharedArchiveFile="$cds.$$" \
        -cp "$jar" >/dev/null 2>&1 \
      && mv -f "$cds.$$" "$cds" || rm -f "$cds.$$"
    rm -f "$cds.$$.classes"
  else
    java "${quiet[@]}" -XX:ArchiveClassesAtExit="$cds.$$" -jar "$jar" --help >/dev/null 2>&1 \
      && mv -f "$cds.$$" "$cds" || rm -f "$cds.$$"
  fi
fi
opts=("${quiet[@]}")
[[ -f "$cds" ]] && opts+=(-XX:SharedArchiveFile="$cds" -Xshare:auto)
# The client lives for a fraction of a second: C1 only and the serial collector start fastest,
# and nobody attaches jstat to it, so no performance-data file is created either.
[[ "$module" == print-client ]] && opts+=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
exec java "${opts[@]}" ${PAPERJAM_JAVA_OPTS:-} -jar "$jar" "$@"
