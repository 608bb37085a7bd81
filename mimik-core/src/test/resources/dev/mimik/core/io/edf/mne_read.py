"""Reads an EDF/BDF file with MNE and prints what it holds as JSON: per channel its own rate and physical values
(each channel read alone, so MNE does not resample it to the fastest rate), the annotations and the start date."""
import json
import sys

import mne

path = sys.argv[1]
read = mne.io.read_raw_bdf if path.endswith(".bdf") else mne.io.read_raw_edf
raw = read(path, preload=False, verbose="error")
out = {
    "meas_date": raw.info["meas_date"].strftime("%Y-%m-%dT%H:%M:%S") if raw.info["meas_date"] else None,
    "annotations": [[float(a["onset"]), float(a["duration"]), a["description"]] for a in raw.annotations],
    "channels": [],
}
for name in raw.ch_names:
    one = read(path, include=[name], preload=True, verbose="error")
    scale = float(one._raw_extras[0]["units"][0])  # MNE's volts-per-unit factor (1e-6 for uV)
    out["channels"].append({
        "name": name,
        "unit": one._orig_units[name],
        "sfreq": float(one.info["sfreq"]),
        "data": (one.get_data()[0] / scale).tolist(),
    })
print(json.dumps(out))
