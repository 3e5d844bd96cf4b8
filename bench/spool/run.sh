#!/usr/bin/env bash
# Spool benchmark: commits/s and p99 commit latency of 4 KiB jobs (1, 8 and 64 writers) and MB/s of one 1 GiB
# job, each beside a baseline measured here on the same disk. Prints a table and writes it into
# docs/BENCHMARKS.md ("## Spool").
# The spool series use the default settings (small jobs through the journal); "journal off" repeats them on the
# file path. Usage: bench/spool/run.sh            (about 20 minutes; BENCH_DIR, ROUNDS, SECONDS_PER_RUN, BIG_MIB, BIG_REST_SECONDS, BENCH_DOC override)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
work="${BENCH_DIR:-$root/modules/spool/target/bench}"
rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_RUN:-10}"
big_mib="${BIG_MIB:-1024}"
alone=$(( secs < 4 ? secs : 4 ))   # journal-alone series stay short: their backlog must stay under 100,000 jobs

mvn -B -q -o -pl modules/spool test-compile 2>/dev/null || mvn -B -q -pl modules/spool test-compile

# test classpath: target dirs plus jackson and slf4j from the local repository, at the versions the root pom pins
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
m2="${M2_REPO:-$HOME/.m2/repository}"
jv="$(prop jackson.version)"; sv="$(prop slf4j.version)"
jav="$jv"; [[ -d "$m2/com/fasterxml/jackson/core/jackson-annotations/$jv" ]] || jav="${jv%.*}"
cp="modules/spool/target/classes:modules/spool/target/test-classes"
cp="$cp:$m2/com/fasterxml/jackson/core/jackson-databind/$jv/jackson-databind-$jv.jar"
cp="$cp:$m2/com/fasterxml/jackson/core/jackson-core/$jv/jackson-core-$jv.jar"
cp="$cp:$m2/com/fasterxml/jackson/core/jackson-annotations/$jav/jackson-annotations-$jav.jar"
cp="$cp:$m2/org/slf4j/slf4j-api/$sv/slf4j-api-$sv.jar:$m2/org/slf4j/slf4j-simple/$sv/slf4j-simple-$sv.jar"
rest="${BIG_REST_SECONDS:-10}"   # idle time before each big write (the disk is faster after a rest)
bench() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbench.rest.ms=$((rest * 1000)) -cp "$cp" io.paperjam.spool.SpoolBench "$@" 2>/dev/null; }
rate() { awk '{print $3}' <<<"$1"; }
p99() { awk '{print $6}' <<<"$1"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

rm -rf "$work"; mkdir -p "$work"
declare -A runs
echo "measuring: $rounds rounds of ${secs}s per commit series (interleaved), then ${big_mib} MiB writes" >&2
for r in $(seq 1 "$rounds"); do
  for t in 1 8 64; do
    out="$(bench commits "$work/s$t-$r" "$t" "$secs")"; rm -rf "$work/s$t-$r"
    runs[s$t]+="$(rate "$out") "; runs[ps$t]+="$(p99 "$out") "; runs[d$t]+="$(awk '{print $9}' <<<"$out") "
    out="$(bench commits "$work/o$t-$r" "$t" "$secs" off)"; rm -rf "$work/o$t-$r"
    runs[o$t]+="$(rate "$out") "; runs[po$t]+="$(p99 "$out") "
    out="$(bench baseline "$work/b$t-$r" "$t" "$secs")"; rm -rf "$work/b$t-$r"
    runs[b$t]+="$(rate "$out") "; runs[pb$t]+="$(p99 "$out") "
    if [[ $t != 64 ]]; then
      out="$(bench commits "$work/a$t-$r" "$t" "$alone" alone)"; rm -rf "$work/a$t-$r"
      runs[a$t]+="$(rate "$out") "
    fi
  done
  echo "  round $r done: spool 1w ${runs[s1]}/ 8w ${runs[s8]}/ 64w ${runs[s64]}" >&2
done
for r in 1 2 3; do
  runs[big]+="$(rate "$(bench big "$work/big-$r" "$big_mib")") "; rm -rf "$work/big-$r"
  runs[big64]+="$(rate "$(bench big "$work/big64-$r" "$big_mib" 64)") "; rm -rf "$work/big64-$r"
  runs[jbig]+="$(rate "$(bench bigjava "$work/jbig-$r" "$big_mib")") "; rm -rf "$work/jbig-$r"
  sleep "$rest"; start=$(date +%s.%N)
  dd if=/dev/zero of="$work/dd.bin" bs=1M count="$big_mib" conv=fsync status=none
  end=$(date +%s.%N)
  runs[dd]+="$(awk -v s="$start" -v e="$end" -v m="$big_mib" 'BEGIN {printf "%.1f", m*1048576/1e6/(e-s)}') "
  rm -f "$work/dd.bin"
done
med() { tr ' ' '\n' <<<"${runs[$1]}" | grep . | median; }
s1=$(med s1); s8=$(med s8); s64=$(med s64); o1=$(med o1); o8=$(med o8); o64=$(med o64);
po1=$(med po1); po8=$(med po8); po64=$(med po64); b1=$(med b1); b8=$(med b8); b64=$(med b64)
a1=$(med a1); a8=$(med a8); ps1=$(med ps1); ps8=$(med ps8); ps64=$(med ps64); pb1=$(med pb1); pb8=$(med pb8); pb64=$(med pb64)
big=$(med big); big64=$(med big64); d1=$(med d1); d8=$(med d8); d64=$(med d64); jbig=$(med jbig); dd=$(med dd)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v >= t ? "met" : "NOT met")}'; }
under() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t ? "met" : "NOT met")}'; }

table="| measurement | spool | baseline | spool / baseline |
|---|---:|---:|---:|
| commits/s, 4 KiB jobs, 1 writer | $s1 | $b1 | $(ratio "$s1" "$b1") |
| commits/s, 4 KiB jobs, 8 writers | $s8 | $b8 | $(ratio "$s8" "$b8") |
| commits/s, 4 KiB jobs, 64 writers | $s64 | $b64 | $(ratio "$s64" "$b64") |
| p99 commit latency ms, 1 / 8 / 64 writers | $ps1 / $ps8 / $ps64 | $pb1 / $pb8 / $pb64 | |
| journal off (file path): commits/s, 1 / 8 / 64 writers | $o1 / $o8 / $o64 | $b1 / $b8 / $b64 | $(ratio "$o1" "$b1") / $(ratio "$o8" "$b8") / $(ratio "$o64" "$b64") |
| journal off: p99 ms, 1 / 8 / 64 writers | $po1 / $po8 / $po64 | $pb1 / $pb8 / $pb64 | |
| 8 writers / 1 writer | $(ratio "$s8" "$s1")x | $(ratio "$b8" "$b1")x | |
| journal alone (materialiser held back, ${alone}-s series): commits/s, 1 / 8 writers | $a1 / $a8 | $b1 / $b8 | $(ratio "$a1" "$b1") / $(ratio "$a8" "$b8") |
| journal alone: 8 writers / 1 writer | $(ratio "$a8" "$a1")x | $(ratio "$b8" "$b1")x | |
| MB/s, one ${big_mib} MiB job | $big | $jbig (Java FileChannel, same bytes, force at end) | $(ratio "$big" "$jbig") |
| MB/s, one ${big_mib} MiB job vs dd | $big | $dd (dd if=/dev/zero conv=fsync) | $(ratio "$big" "$dd") |
| MB/s, the same job in 64 KiB heap chunks (as a server hands them over) | $big64 | $dd (dd) | $(ratio "$big64" "$dd") |
| seconds to write the journal's backlog to queue/ at close, 1 / 8 / 64 writers | $d1 / $d8 / $d64 | | |

Targets:
- 8-writer commits/s at least 3x the 1-writer rate: **$(verdict "$(ratio "$s8" "$s1")" 3)** ($(ratio "$s8" "$s1")x);
- 64-writer commits/s at least 3x the 8-writer baseline: **$(verdict "$(ratio "$s64" "$b8")" 3)** ($(ratio "$s64" "$b8")x), p99 at most 25 ms: **$(under "$ps64" 25)** ($ps64 ms);
- 1-writer commits/s at least the 1-writer baseline: **$(verdict "$(ratio "$s1" "$b1")" 1)** ($(ratio "$s1" "$b1"));
- ${big_mib} MiB write within 80% of dd: **$(verdict "$(ratio "$big" "$dd")" 0.8)** ($(ratio "$big" "$dd")); of the Java baseline: $(ratio "$big" "$jbig").

All runs (medians above): spool 1w: ${runs[s1]}; spool 8w: ${runs[s8]}; spool 64w: ${runs[s64]}; journal alone 1w: ${runs[a1]}; 8w: ${runs[a8]}; journal off 1w: ${runs[o1]}; 8w: ${runs[o8]}; 64w: ${runs[o64]}; baseline 1w: ${runs[b1]}; baseline 8w: ${runs[b8]}; baseline 64w: ${runs[b64]}; spool big: ${runs[big]}; Java big: ${runs[jbig]}; spool big, 64 KiB chunks: ${runs[big64]}; dd: ${runs[dd]}"

machine="$(nproc) CPUs, $(free -h | awk '/^Mem:/ {print $2}') memory, $(uname -sr), $(java -version 2>&1 | head -n 1)
\`\`\`
$(df -h "$work" | sed 's/^/    /' | sed 's/^    //')
\`\`\`"

section="## Spool

Command: \`bench/spool/run.sh\` (run $(date -u +%Y-%m-%dT%H:%MZ)). Each commit series is the median of $rounds interleaved ${secs}-second runs;
the big writes are the median of 3 interleaved runs, each started after ${rest} s of idle disk (this disk writes
several times faster after a rest than under sustained load), the spool's after SHA-256 has been warmed up in
memory (as in a server that has been up a while). Baseline commits: a plain Java loop of create + write 4 KiB + fsync +
rename + directory fsync per job. \"spool\" is the default configuration: a 4 KiB job with a declared size is
committed by one append to journal/ and one fsync shared by every commit waiting at that moment (group commit);
a background thread writes it to queue/ afterwards (its cost shows in CPU and disk load and in the drain time at
close, not in the commit latency). \"journal alone\" holds that thread back until the series ends, so the
journal's fdatasyncs have the disk to themselves. \"journal off\" is the file path: data file fsync and control file create +
write + fsync side by side, two renames and a shared directory fsync. The disk is a virtual disk whose fsync rate varies 5-10x from minute to minute; compare within a
round, not across reports.

Machine: $machine

$table
$(cat bench/spool/notes.md 2>/dev/null)
"
echo "$table"
doc="${BENCH_DOC:-docs/BENCHMARKS.md}"   # BENCH_DOC: another copy (bench/smoke.sh)
[[ -f "$doc" ]] || printf '# Benchmarks\n\n' > "$doc"
# replace our section (from "## Spool" to the next "## " heading), keep everyone else's
awk -v section="$section" '
  /^## Spool[[:space:]]*$/ {skip=1; if (!done) {print section; done=1}; next}
  /^## / && skip {skip=0}
  !skip {print}
  END {if (!done) print "\n" section}
' "$doc" > "$doc.new" && mv "$doc.new" "$doc"
echo "written to $doc" >&2
