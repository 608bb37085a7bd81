// Loads a .glb with three.js's GLTFLoader in Node (parsed from an ArrayBuffer) and prints, as JSON, what a viewer
// would see: per mesh the morph target count and names, and per animation its duration and tracks.
// Usage: node load-gltf-three.mjs FILE.glb
import { readFile } from 'node:fs/promises';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node load-gltf-three.mjs FILE.glb');
  process.exit(2);
}
const data = await readFile(file);
const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
const gltf = await new GLTFLoader().parseAsync(buffer, '');
const meshes = [];
gltf.scene.traverse((o) => {
  if (o.isMesh) {
    const position = o.geometry.attributes.position;
    meshes.push({
      name: o.name,
      vertices: position.count,
      normals: o.geometry.attributes.normal ? o.geometry.attributes.normal.count : 0,
      morphTargets: (o.geometry.morphAttributes.position || []).length,
      morphTargetNames: Object.keys(o.morphTargetDictionary || {}),
    });
  }
});
const animations = gltf.animations.map((a) => ({
  name: a.name,
  duration: a.duration,
  tracks: a.tracks.map((t) => ({ name: t.name, times: t.times.length, values: t.values.length })),
}));
console.log(JSON.stringify({ meshes, animations }, null, 1));
