"""scipy side of `mimik bench dsp`: the same processing as DspBenchmark, timed, outputs saved for comparison.

usage: dsp_bench.py DIR EAR_SAMPLES EIFER_SAMPLES REPEATS
reads DIR/ear.in (2 x EAR_SAMPLES, float64 LE, 1000 Hz) and DIR/eifer.in (22 x EIFER_SAMPLES, 4096 Hz);
writes DIR/<name>.out and prints one line "name seconds" per timed case (best of REPEATS after one warm-up).
Settings must stay equal to BandSplitter.standard() and EiferChain.standard().
"""
import os
import sys
import time

import numpy as np
from scipy import signal

d, n_ear, n_eifer, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
ear = np.fromfile(os.path.join(d, 'ear.in'), dtype='<f8').reshape(2, n_ear)
eifer = np.fromfile(os.path.join(d, 'eifer.in'), dtype='<f8').reshape(22, n_eifer)

fs = 1000.0
notch = np.vstack([np.concatenate(signal.iirnotch(f, 30, fs=fs)) for f in (50, 100, 150, 200, 250)])
emg = np.vstack([notch, signal.butter(4, [20, 450], 'bandpass', fs=fs, output='sos')])
eog = np.vstack([notch, signal.butter(4, [0.1, 10], 'bandpass', fs=fs, output='sos')])


def ear_causal():
    return signal.sosfilt(emg, ear, axis=-1), signal.sosfilt(eog, ear, axis=-1)


def ear_zero_phase():
    return signal.sosfiltfilt(emg, ear, axis=-1), signal.sosfiltfilt(eog, ear, axis=-1)


efs = 4096.0
b_notch, a_notch = signal.iirnotch(50, 2, fs=efs)
notch_sos = np.concatenate([b_notch, a_notch])[None, :]
fir = signal.firwin(129, [10, 500], pass_zero=False, fs=efs)


def sliding_rms(x, n):
    # centred window of n samples (n//2 before), truncated at the ends, like SlidingRms
    c = np.concatenate([np.zeros(x.shape[:-1] + (1,)), np.cumsum(x * x, axis=-1)], axis=-1)
    idx = np.arange(x.shape[-1])
    lo = np.clip(idx - n // 2, 0, x.shape[-1])
    hi = np.clip(idx - n // 2 + n, 0, x.shape[-1])
    return np.sqrt(np.maximum(c[..., hi] - c[..., lo], 0) / (hi - lo))


def eifer_chain():
    x = eifer - eifer.mean(axis=-1, keepdims=True)
    x = signal.sosfiltfilt(notch_sos, x, axis=-1)
    x = signal.filtfilt(fir, [1.0], x, axis=-1)
    x = sliding_rms(x, 2048)
    return signal.resample_poly(x, 15, 2048, axis=-1)


def timed(name, fn):
    out = fn()
    best = float('inf')
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    print(name, best, flush=True)
    return out


c = timed('ear_causal', ear_causal)
z = timed('ear_zero_phase', ear_zero_phase)
e = timed('eifer_chain', eifer_chain)
for name, arr in [('ear_causal_emg', c[0]), ('ear_causal_eog', c[1]), ('ear_zp_emg', z[0]), ('ear_zp_eog', z[1]),
                  ('eifer_chain', e)]:
    np.ascontiguousarray(arr, dtype='<f8').tofile(os.path.join(d, name + '.out'))
