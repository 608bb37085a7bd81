/** glTF 2.0 export: a face rig with its morph targets and an animation of blendshape weights, as one .glb file. */
package dev.mimik.face.gltf;
