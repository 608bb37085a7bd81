#!/usr/bin/env bash
# Memory against recording length (docs/notes/streaming.md): `mimik track` and `mimik emg apply` on recordings of
# 10, 30 and 120 minutes, each run with a 512 MB heap (-Xmx512m) and a GC log. A two-minute simulated session is
# lengthened by repeating its data records (scripts/repeat-edf.py); small models are trained on another session.
# Prints, per run: whether it passed, the largest heap left after a collection (the live data, what grows when a
# command holds the recording) and before one (how far the collector let garbage pile up), the largest after a
# concurrent mark's Remark or Cleanup pause, user CPU seconds and the process's peak resident memory.
# Usage: scripts/memory-bench.sh [WORK_DIR] [track|emg ...]   (default /tmp/mimik-memory, both; MINUTES="10 30 120")
# A two-hour track runs about 30 CPU minutes; under load start it early: nice -n 10 scripts/memory-bench.sh ... &
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
M="$root/mimik"
work="${1:-/tmp/mimik-memory}"
shift || true
commands="${*:-track emg}"
minutes="${MINUTES:-10 30 120}"
mkdir -p "$work" && cd "$work"

heap() { # the largest heap after and before a collection in a -Xlog:gc file, MB, and after a concurrent mark
  grep -o '[0-9]*M->[0-9]*M' "$1" | awk -F'M->|M' '{if ($2>a) a=$2; if ($1>b) b=$1} END {printf "%d MB live, %d MB before GC", a, b}'
  # a young collection leaves large (humongous) arrays for the next marking: the heap after one is nearer the live data
  grep 'Pause Remark\|Pause Cleanup' "$1" | grep -o '[0-9]*M->[0-9]*M' | awk -F'M->|M' '{if ($2>a) a=$2} END {printf ", %d MB after a mark", a}'
}

measure() { # NAME OUTPUT_DIR ARGS...: runs mimik with 512 MB of heap and prints one line
  local name="$1" out="$2"
  shift 2
  rm -rf "$out"
  local status=passed
  MIMIK_JAVA_OPTS="-Xmx512m -Xlog:gc:file=gc-$name.log" /usr/bin/time -o "time-$name.txt" -f "%U %M" \
    "$M" "$@" --out "$out" > "$name.log" 2>&1 || status="FAILED ($(grep -m1 -o 'OutOfMemoryError\|BadInput.*' "$name.log" || tail -1 "$name.log"))"
  read -r user rss < <(tail -1 "time-$name.txt")
  echo "$name: $status; $(heap "gc-$name.log"); user ${user} s; max RSS $((rss / 1024)) MB"
}

for c in $commands; do
  case "$c" in
    track)
      if [ ! -f me.mimik ]; then
        "$M" simulate --out sim-ear --participants 1 --sessions-per-participant 2 --minutes 2 --seed 3 > /dev/null
        "$M" train --session sim-ear/p01/s01/signals.edf,sim-ear/p01/s01/landmarks.csv --sync auto --epochs 2 \
          --out me.mimik > /dev/null 2>&1
      fi
      for m in $minutes; do
        [ -f "ear-$m.edf" ] || python3 "$root/scripts/repeat-edf.py" sim-ear/p01/s02/signals.edf "ear-$m.edf" "$m"
        measure "track-$m" "track-$m" track --model me.mimik --signals "ear-$m.edf"
      done
      ;;
    emg)
      if [ ! -f eifer.zip ]; then
        "$M" simulate --out sim-fr --participants 1 --sessions-per-participant 2 --minutes 2 --montage fridlund \
          --rate 4096 --format bdf --seed 4 > /dev/null
        "$M" emg train --signals sim-fr/p01/s01/signals.bdf --blendshapes sim-fr/p01/s01/truth/blendshapes.csv \
          --preset eifer --out eifer.zip > /dev/null 2>&1
      fi
      for m in $minutes; do
        [ -f "fr-$m.bdf" ] || python3 "$root/scripts/repeat-edf.py" sim-fr/p01/s02/signals.bdf "fr-$m.bdf" "$m"
        measure "emg-apply-$m" "emg-apply-$m" emg apply --model eifer.zip --signals "fr-$m.bdf" --preset eifer
      done
      ;;
    *) echo "unknown: $c (track or emg)" >&2; exit 2 ;;
  esac
done
