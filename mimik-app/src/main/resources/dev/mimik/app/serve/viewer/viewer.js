// mimik web viewer: the face rig's morph targets follow the live frame stream (/ws/frames), or a face.glb and
// blendshapes.csv written by `mimik track` play with a timeline; frames tracked from headset cameras bring their
// camera images, shown beside the face. window.mimik.state() reports what is shown.
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

// A server listening beyond loopback needs its token (mimik serve prints the address with ?token=...): the page
// passes it on to its own requests.
const TOKEN = new URLSearchParams(location.search).get('token');
function withToken(path) { return TOKEN ? path + '?token=' + encodeURIComponent(TOKEN) : path; }

const $ = (id) => document.getElementById(id);
const TRACES = [
  ['eyes.left_closed', '#ffcc4d'], ['eyes.right_closed', '#ff8c4d'],
  ['jawOpen', '#5fb3ff'], ['mouthSmileLeft', '#7ee07e'], ['browInnerUp', '#d68cff'],
];
const TRACE_LENGTH = 300;

const state = {
  mode: 'live', connected: false, frames: 0, lastT: null, fps: 0, latencyMs: null,
  faceLoaded: false, faceError: null, morphTargets: 0, applied: {}, appliedT: null, landmarks: 0,
  recentLatencyMs: [], views: [], viewUpdates: 0, viewProblem: null,
};

// ---- three.js scene ----------------------------------------------------------------------------------------
const holder = $('face');
const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setPixelRatio(window.devicePixelRatio);
holder.appendChild(renderer.domElement);
const scene = new THREE.Scene();
scene.background = new THREE.Color(0x15171c);
const camera = new THREE.PerspectiveCamera(30, 1, 0.01, 100);
camera.position.set(0, 0, 1);
const controls = new OrbitControls(camera, renderer.domElement);
scene.add(new THREE.HemisphereLight(0xffffff, 0x303040, 1.6));
const key = new THREE.DirectionalLight(0xffffff, 2.0);
key.position.set(0.5, 0.8, 1.2);
scene.add(key);
let morphMeshes = [];   // [{mesh, map: [[arkitName, targetIndex], ...]}]
let faceRoot = null;

function resize() {
  const w = holder.clientWidth || 640, h = holder.clientHeight || 480;
  renderer.setSize(w, h, false);
  camera.aspect = w / h;
  camera.updateProjectionMatrix();
}
window.addEventListener('resize', resize);
resize();

// ARKit name a morph target drives: exact ARKit names, ICT-style "_L"/"_R" suffixes, or ICT's split
// browInnerUp_L/_R and cheekPuff_L/_R which both follow the one ARKit weight.
function arkitNameOf(target, known) {
  if (known.has(target)) return target;
  const m = /^(.*)_([LR])$/.exec(target);
  if (!m) return null;
  const sided = m[1] + (m[2] === 'L' ? 'Left' : 'Right');
  if (known.has(sided)) return sided;
  return known.has(m[1]) ? m[1] : null;
}

function showFace(gltf, knownNames) {
  if (faceRoot) scene.remove(faceRoot);
  faceRoot = gltf.scene;
  scene.add(faceRoot);
  morphMeshes = [];
  let targets = 0;
  faceRoot.traverse((o) => {
    if (o.isMesh) {
      if (!o.material || (o.material.name === '' && !o.material.map)) {
        o.material = new THREE.MeshStandardMaterial({ color: 0xd9b8a0, roughness: 0.65, side: THREE.DoubleSide });
      }
      if (o.morphTargetDictionary) {
        const map = [];
        for (const [name, index] of Object.entries(o.morphTargetDictionary)) {
          const arkit = arkitNameOf(name, knownNames);
          if (arkit) map.push([arkit, index]);
          targets++;
        }
        morphMeshes.push({ mesh: o, map });
      }
    }
  });
  const box = new THREE.Box3().setFromObject(faceRoot);
  const centre = box.getCenter(new THREE.Vector3());
  const size = box.getSize(new THREE.Vector3()).length();
  controls.target.copy(centre);
  camera.position.set(centre.x, centre.y, centre.z + size * 1.3);
  camera.near = size / 100; camera.far = size * 20;
  camera.updateProjectionMatrix();
  state.faceLoaded = true;
  state.faceError = null;
  state.morphTargets = targets;
  $('face-note').textContent = targets + ' morph targets';
}

function loadFace(source, knownNames) {
  const loader = new GLTFLoader();
  const done = (gltf) => showFace(gltf, knownNames);
  const fail = (e) => { state.faceError = String(e && e.message || e); $('face-note').textContent = 'no face: ' + state.faceError; };
  if (source instanceof ArrayBuffer) loader.parse(source, '', done, fail);
  else loader.load(source, done, undefined, fail);
}

function applyWeights(weights) {
  const applied = {};
  for (const { mesh, map } of morphMeshes) {
    for (const [name, index] of map) {
      const w = weights[name];
      if (w !== undefined) { mesh.morphTargetInfluences[index] = w; applied[name] = w; }
    }
  }
  state.applied = applied;
}

// ---- 2D panels ------------------------------------------------------------------------------------------------
const lmCanvas = $('landmarks'), lm = lmCanvas.getContext('2d');
function drawLandmarks(points) {
  lm.clearRect(0, 0, lmCanvas.width, lmCanvas.height);
  state.landmarks = points.length;
  if (!points.length) { lm.fillStyle = '#667'; lm.fillText('no landmarks in this stream', 10, 20); return; }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of points) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  const s = 0.85 * Math.min(lmCanvas.width / (maxX - minX || 1), lmCanvas.height / (maxY - minY || 1));
  const ox = (lmCanvas.width - s * (maxX - minX)) / 2, oy = (lmCanvas.height - s * (maxY - minY)) / 2;
  lm.fillStyle = '#7fd1ff';
  for (const [x, y] of points) { lm.fillRect(ox + s * (x - minX) - 1.5, oy + s * (y - minY) - 1.5, 3, 3); }
}

// The headset cameras' images of the frame (base64 PNG), a failed view outlined, and what the check found.
const viewsBox = $('views'), viewFigures = {};
function drawViews(views, problem) {
  viewsBox.hidden = false;
  lmCanvas.hidden = true;
  for (const v of views) {
    let fig = viewFigures[v.camera];
    if (!fig) {
      fig = document.createElement('figure');
      const img = document.createElement('img'); img.alt = v.camera;
      const caption = document.createElement('figcaption'); caption.textContent = v.camera;
      fig.append(img, caption);
      viewsBox.appendChild(fig);
      viewFigures[v.camera] = fig;
    }
    fig.firstChild.src = 'data:image/png;base64,' + v.png;
    fig.classList.toggle('failed', v.failed);
  }
  let note = $('view-problem');
  if (!note) { note = document.createElement('div'); note.id = 'view-problem'; viewsBox.appendChild(note); }
  note.textContent = problem ? 'views failed: ' + problem + ' (their shapes ease to neutral)' : '';
  state.views = views.map((v) => v.camera);
  state.viewProblem = problem ?? null;
  state.viewUpdates++;
}

const trCanvas = $('traces'), tr = trCanvas.getContext('2d');
const history = TRACES.map(() => []);
function pushTraces(frame) {
  TRACES.forEach(([path], i) => {
    const v = path.startsWith('eyes.') ? frame.eyes[path.slice(5)] : frame.blendshapes[path];
    history[i].push(v ?? 0);
    if (history[i].length > TRACE_LENGTH) history[i].shift();
  });
}
function drawTraces() {
  const w = trCanvas.width, h = trCanvas.height;
  tr.clearRect(0, 0, w, h);
  TRACES.forEach(([name, colour], i) => {
    tr.strokeStyle = colour; tr.beginPath();
    history[i].forEach((v, k) => { const x = w - (history[i].length - k); const y = h - 4 - v * (h - 8); k ? tr.lineTo(x, y) : tr.moveTo(x, y); });
    tr.stroke();
    tr.fillStyle = colour; tr.fillText(name, 4, 12 + 11 * i);
  });
}

const bars = $('bars'), barFill = {};
function drawBars(weights) {
  for (const [name, v] of Object.entries(weights)) {
    if (!barFill[name]) {
      const label = document.createElement('span'); label.textContent = name;
      const bar = document.createElement('span'); bar.className = 'bar';
      const fill = document.createElement('i'); bar.appendChild(fill);
      bars.append(label, bar); barFill[name] = fill;
    }
    barFill[name].style.width = (100 * Math.max(0, Math.min(1, v))).toFixed(1) + '%';
  }
}

// ---- frames ---------------------------------------------------------------------------------------------------
const arrivals = [];
let latest = null;
function onFrame(frame) {
  state.frames++;
  state.lastT = frame.t;
  const now = performance.now();
  arrivals.push(now);
  while (arrivals.length && now - arrivals[0] > 1000) arrivals.shift();
  state.fps = arrivals.length;
  if (frame.sent_at_ms !== undefined) {
    // the tracker's latency plus the trip from the server (same machine's clock; 1 ms resolution)
    state.latencyMs = frame.latency_ms + Math.max(0, Date.now() - frame.sent_at_ms);
    state.recentLatencyMs.push(state.latencyMs);
    if (state.recentLatencyMs.length > 300) state.recentLatencyMs.shift();
  }
  pushTraces(frame);
  latest = frame;
}

function render() {
  requestAnimationFrame(render);
  if (latest) {
    const f = latest; latest = null;
    applyWeights(f.blendshapes);
    state.appliedT = f.t;
    if (f.views) drawViews(f.views, f.view_problem); else drawLandmarks(f.landmarks);
    drawBars(f.blendshapes);
    drawTraces();
    $('fps').textContent = state.fps;
    $('latency').textContent = state.latencyMs === null ? '–' : state.latencyMs.toFixed(1);
    $('frames').textContent = state.frames;
    $('time').textContent = f.t.toFixed(2);
  }
  controls.update();
  renderer.render(scene, camera);
}

// ---- live mode ------------------------------------------------------------------------------------------------
let socket = null;
function connectLive() {
  socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + withToken('/ws/frames'));
  socket.onopen = () => { state.connected = true; $('status').textContent = 'live'; };
  socket.onmessage = (e) => { if (state.mode === 'live') onFrame(JSON.parse(e.data)); };
  socket.onclose = () => {
    state.connected = false;
    $('status').textContent = 'disconnected, retrying…';
    if (state.mode === 'live') setTimeout(connectLive, 1000);
  };
}

// ---- file mode: face.glb + blendshapes.csv with a timeline -------------------------------------------------------
const clip = { times: [], names: [], rows: [], playing: false, start: 0, offset: 0 };
function parseCsv(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const header = lines[0].split(',').map((s) => s.trim());
  if (header[0] !== 'time_s') throw new Error('the first column is not time_s');
  clip.names = header.slice(1);
  clip.times = []; clip.rows = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map(Number);
    clip.times.push(cells[0]); clip.rows.push(cells.slice(1));
  }
}
function frameAt(t) {
  let lo = 0, hi = clip.times.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (clip.times[mid] <= t) lo = mid; else hi = mid - 1; }
  const weights = {};
  clip.names.forEach((n, k) => { weights[n] = clip.rows[lo][k]; });
  return { t: clip.times[lo], landmarks: [], blendshapes: weights,
           eyes: { left_closed: weights.eyeBlinkLeft ?? 0, right_closed: weights.eyeBlinkRight ?? 0 }, latency_ms: 0 };
}
function clipDuration() { return clip.times.length ? clip.times[clip.times.length - 1] - clip.times[0] : 0; }
function showClipAt(offset) {
  const d = clipDuration();
  clip.offset = Math.max(0, Math.min(d, offset));
  $('timeline').value = d ? clip.offset / d : 0;
  $('timeline-label').textContent = clip.offset.toFixed(2) + ' / ' + d.toFixed(2) + ' s';
  onFrame(frameAt(clip.times[0] + clip.offset));
}
function tick() {
  if (!clip.playing) return;
  const offset = (performance.now() - clip.start) / 1000;
  if (offset >= clipDuration()) { clip.playing = false; $('play').textContent = 'Play'; showClipAt(clipDuration()); return; }
  showClipAt(offset);
  requestAnimationFrame(tick);
}
$('file-glb').onchange = async (e) => { const f = e.target.files[0]; if (f) loadFace(await f.arrayBuffer(), knownFromClip()); };
$('file-csv').onchange = async (e) => {
  const f = e.target.files[0]; if (!f) return;
  try { parseCsv(await f.text()); } catch (err) { $('timeline-label').textContent = f.name + ': ' + err.message; return; }
  $('play').disabled = false; $('timeline').disabled = false; showClipAt(0);
};
$('play').onclick = () => {
  clip.playing = !clip.playing;
  $('play').textContent = clip.playing ? 'Pause' : 'Play';
  if (clip.playing) {
    if (clip.offset >= clipDuration()) clip.offset = 0;
    clip.start = performance.now() - clip.offset * 1000; tick();
  }
};
$('timeline').oninput = (e) => { clip.playing = false; $('play').textContent = 'Play'; showClipAt(e.target.value * clipDuration()); };
function knownFromClip() { return new Set(clip.names.length ? clip.names : ARKIT_FALLBACK); }

function setMode(mode) {
  state.mode = mode;
  $('mode-live').classList.toggle('on', mode === 'live');
  $('mode-files').classList.toggle('on', mode === 'files');
  $('files').hidden = mode !== 'files';
  $('status').textContent = mode === 'live' ? (state.connected ? 'live' : 'connecting…') : 'files';
}
$('mode-live').onclick = () => setMode('live');
$('mode-files').onclick = () => setMode('files');

// The 52 ARKit names (Apple's order), for mapping a face's targets before any frame has named them.
const ARKIT_FALLBACK = ['eyeBlinkLeft', 'eyeLookDownLeft', 'eyeLookInLeft', 'eyeLookOutLeft', 'eyeLookUpLeft',
  'eyeSquintLeft', 'eyeWideLeft', 'eyeBlinkRight', 'eyeLookDownRight', 'eyeLookInRight', 'eyeLookOutRight',
  'eyeLookUpRight', 'eyeSquintRight', 'eyeWideRight', 'jawForward', 'jawLeft', 'jawRight', 'jawOpen', 'mouthClose',
  'mouthFunnel', 'mouthPucker', 'mouthLeft', 'mouthRight', 'mouthSmileLeft', 'mouthSmileRight', 'mouthFrownLeft',
  'mouthFrownRight', 'mouthDimpleLeft', 'mouthDimpleRight', 'mouthStretchLeft', 'mouthStretchRight',
  'mouthRollLower', 'mouthRollUpper', 'mouthShrugLower', 'mouthShrugUpper', 'mouthPressLeft', 'mouthPressRight',
  'mouthLowerDownLeft', 'mouthLowerDownRight', 'mouthUpperUpLeft', 'mouthUpperUpRight', 'browDownLeft',
  'browDownRight', 'browInnerUp', 'browOuterUpLeft', 'browOuterUpRight', 'cheekPuff', 'cheekSquintLeft',
  'cheekSquintRight', 'noseSneerLeft', 'noseSneerRight', 'tongueOut'];

window.mimik = { state: () => JSON.parse(JSON.stringify(state)) };
loadFace(withToken('/face.glb'), new Set(ARKIT_FALLBACK));
connectLive();
render();
