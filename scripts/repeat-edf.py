#!/usr/bin/env python3
"""Writes a long EDF+/BDF+ recording by repeating the data records of a short one (for memory measurements).

Usage: scripts/repeat-edf.py IN.edf|IN.bdf OUT MINUTES

The annotation channel of each record is rewritten to hold only its time-keeping TAL (the onset), so the long file
is a valid continuous EDF+/BDF+ (EDF+C/BDF+C); the input's other annotations are dropped. Streams record by record.
"""
import sys

def main(src, dst, minutes):
    with open(src, 'rb') as f:
        fixed = bytearray(f.read(256))
        ns = int(fixed[252:256].decode().strip())
        sig = bytearray(f.read(256 * ns))
        records = int(fixed[236:244].decode().strip())
        duration = float(fixed[244:252].decode().strip())
        bps = 3 if fixed[0] == 0xFF else 2
        labels = [sig[16 * i:16 * i + 16].decode('latin-1').strip() for i in range(ns)]
        spr_at = 216 * ns
        spr = [int(sig[spr_at + 8 * i:spr_at + 8 * i + 8].decode().strip()) for i in range(ns)]
        sizes = [n * bps for n in spr]
        data = [f.read(sum(sizes)) for _ in range(records)]
    want = int(round(minutes * 60 / duration))
    fixed[236:244] = str(want).ljust(8).encode()
    annotation = [l in ('EDF Annotations', 'BDF Annotations') for l in labels]
    with open(dst, 'wb') as out:
        out.write(fixed)
        out.write(sig)
        for r in range(want):
            record = bytearray(data[r % records])
            at = 0
            for i in range(ns):
                if annotation[i]:
                    tal = ('+%g\x14\x14\x00' % (r * duration)).encode()
                    record[at:at + sizes[i]] = tal + bytes(sizes[i] - len(tal))
                at += sizes[i]
            out.write(record)

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
