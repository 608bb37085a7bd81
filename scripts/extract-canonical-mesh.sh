#!/usr/bin/env bash
# Re-extracts MediaPipe's canonical face mesh (468 vertices, 898 triangles; Apache-2.0, Google LLC) from the
# npm package mind-ar, which ships it as src/face-target/face-geometry/canonical-face-model.obj, and writes the
# compact copy mimik embeds: "v x y z" lines (centimetres, +Y up, face toward +Z, subject's left +X) and
# "f a b c" lines (1-based vertex numbers, counter-clockwise seen from the front; texture indices dropped).
# Usage: scripts/extract-canonical-mesh.sh [output.obj]
set -euo pipefail
PACKAGE=mind-ar@1.2.5
TGZ_SHA256=e14a0f6e1bdd85beb757d72354999a967efcaaac2fc9a036ce1852ea2d6c5193
OBJ_SHA256=8bac80443397e113f41a8b565ea72c59390bc031d9defab289dba7bc0c54e618
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$HERE/mimik-face/src/main/resources/dev/mimik/face/rig/embedded/canonical-face-mesh.obj}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "$PACKAGE" >/dev/null
echo "$TGZ_SHA256  mind-ar-1.2.5.tgz" | sha256sum -c --quiet
tar xzf mind-ar-1.2.5.tgz package/src/face-target/face-geometry/canonical-face-model.obj
OBJ=package/src/face-target/face-geometry/canonical-face-model.obj
echo "$OBJ_SHA256  $OBJ" | sha256sum -c --quiet
{
  echo "# MediaPipe canonical face model (Copyright Google LLC, Apache License 2.0; see NOTICE)."
  echo "# Extracted by scripts/extract-canonical-mesh.sh from npm $PACKAGE, $OBJ (sha256 $OBJ_SHA256)."
  awk '$1 == "v" { print "v", $2, $3, $4 }
       $1 == "f" { split($2, a, "/"); split($3, b, "/"); split($4, c, "/"); print "f", a[1], b[1], c[1] }' "$OBJ"
} > "$WORK/mesh.obj"
[ "$(grep -c '^v ' "$WORK/mesh.obj")" = 468 ] && [ "$(grep -c '^f ' "$WORK/mesh.obj")" = 898 ]
mv "$WORK/mesh.obj" "$OUT"
echo "wrote $OUT"
