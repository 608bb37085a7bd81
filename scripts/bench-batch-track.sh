#!/usr/bin/env bash
# The speed-up of `mimik batch track` (docs/notes/spark.md): eight one-minute simulated recordings tracked one after
# another (eight `mimik track` runs), then as one batch with --master local[1] and local[2]. Prints wall, user and
# system seconds of each (GNU time) and the load average before and after: on a shared machine, compare them.
# Usage: scripts/bench-batch-track.sh [WORK_DIR]   (default /tmp/mimik-bench-batch; it is replaced)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
M="$root/mimik"
work="${1:-/tmp/mimik-bench-batch}"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
ids="p01/s01 p01/s02 p02/s01 p02/s02 p03/s01 p03/s02 p04/s01 p04/s02"
"$M" simulate --out sim --participants 4 --sessions-per-participant 2 --minutes 1 --seed 3 > /dev/null
"$M" train --manifest sim/manifest.csv --participant p01 --out me.mimik --epochs 2 > /dev/null 2>&1
{ echo "signals,truth,participant"; for id in $ids; do echo "$id/signals.edf,$id/truth/landmarks.csv,${id%%/*}"; done; } > sim/batch.csv
uptime
/usr/bin/time -o times.txt -f "sequential, 8 x mimik track: wall %e s, user %U s, sys %S s" bash -c "for id in $ids; do \
  '$M' track --model me.mimik --signals sim/\$id/signals.edf --truth sim/\$id/truth/landmarks.csv --out seq/\$id > /dev/null 2>&1; done"
for n in 1 2; do
  /usr/bin/time -a -o times.txt -f "mimik batch track --master local[$n]: wall %e s, user %U s, sys %S s" \
    "$M" batch track --manifest sim/batch.csv --model me.mimik --out "local$n" --master "local[$n]" > /dev/null 2>&1
done
uptime
cat times.txt
for id in $ids; do cmp -s "seq/$id/face.glb" "local2/$id/face.glb" || echo "$id: face.glb differs"; done
