#!/usr/bin/env bash
# A view of a simulated headset dataset (`mimik ego simulate`: recordings under subject folders s01, s02, ...) that lists
# chosen subjects in a chosen order, by links to the original recordings: for learning curves over the number of
# "real" training subjects with the same held-out subjects. `mimik ego train --held-out N` holds out the last N real
# subjects of the manifest, so they go last.
#
# Usage: scripts/ego-dataset-view.sh SRC DST "SYNTHETIC SUBJECTS" "REAL TRAINING SUBJECTS" "HELD-OUT SUBJECTS"
# Example: scripts/ego-dataset-view.sh /tmp/sim3 /tmp/d6 "s01 s03 s05 s07 s09" "s02 s04 s06 s12 s14 s16" "s08 s10"
set -euo pipefail
if [ $# -ne 5 ]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
dst=$2
if [ -e "$dst" ]; then
  echo "ego-dataset-view: $dst exists" >&2
  exit 1
fi
mkdir -p "$dst/truth"
for f in headset.json art_priors.csv; do
  if [ -e "$src/$f" ]; then ln -s "$src/$f" "$dst/$f"; fi
done
head -1 "$src/manifest.csv" > "$dst/manifest.csv"
for s in $3 $4 $5; do
  if ! grep "^$s/" "$src/manifest.csv" >> "$dst/manifest.csv"; then
    echo "ego-dataset-view: $src/manifest.csv has no subject $s" >&2
    rm -r "$dst"
    exit 1
  fi
  ln -s "$src/$s" "$dst/$s"
  if [ -e "$src/truth/$s" ]; then ln -s "$src/truth/$s" "$dst/truth/$s"; fi
done
