// Prints the Khronos glTF-Validator's report (JSON) for one .glb/.gltf file.
// Usage: node validate-gltf.mjs FILE.glb
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import validator from 'gltf-validator';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate-gltf.mjs FILE.glb');
  process.exit(2);
}
const bytes = new Uint8Array(await readFile(file));
const report = await validator.validateBytes(bytes, {
  uri: basename(file),
  maxIssues: 100,
  externalResourceFunction: (uri) => Promise.reject(new Error('external resource not allowed: ' + uri)),
});
console.log(JSON.stringify(report, null, 1));
