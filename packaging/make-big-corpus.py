#!/usr/bin/env python3
"""Makes a large MIDI corpus from a real one, for measuring corpus loading (README, "Train your own").

Every file of SOURCE is written COPIES times into OUT/copyK/, each copy transposed by its own
number of semitones (-5..+6 in turn), so that the files differ as a real library's would.
Standard library only: the MIDI events are walked byte by byte (running status, meta and
sysex events kept as they are); notes of channel 10 (drums) and notes that would leave 0..127
keep their pitch.

usage: packaging/make-big-corpus.py SOURCE OUT COPIES
  e.g. packaging/make-big-corpus.py ../shared/data/piano-midi-de/midis /tmp/corpus60k 178
"""
import os
import struct
import sys


def vlq(data, at):
    value = 0
    while True:
        byte = data[at]
        at += 1
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at


def transpose_track(track, shift):
    out = bytearray(track)
    at, status = 0, 0
    while at < len(out):
        _, at = vlq(out, at)  # delta time
        byte = out[at]
        if byte >= 0x80:
            status = byte
            at += 1
        if status == 0xFF:  # meta: type, length, data
            length, at = vlq(out, at + 1)
            at += length
        elif status in (0xF0, 0xF7):  # sysex
            length, at = vlq(out, at)
            at += length
        else:
            kind, channel = status & 0xF0, status & 0x0F
            size = 1 if kind in (0xC0, 0xD0) else 2
            if kind in (0x80, 0x90, 0xA0) and channel != 9 and 0 <= out[at] + shift <= 127:
                out[at] += shift
            at += size
    return bytes(out)


def transpose(data, shift):
    out, at = bytearray(), 0
    while at + 8 <= len(data):
        kind, length = data[at:at + 4], struct.unpack(">I", data[at + 4:at + 8])[0]
        body = data[at + 8:at + 8 + length]
        if kind == b"MTrk":
            body = transpose_track(body, shift)
        out += kind + struct.pack(">I", len(body)) + body
        at += 8 + length
    return bytes(out)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, target, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(source) for f in fs
                   if f.lower().endswith((".mid", ".midi")))
    originals = {}
    for path in files:
        with open(path, "rb") as f:
            originals[path] = f.read()
    written, moved_by = 0, {}
    for k in range(copies):
        shift = k % 12 - 5
        folder = os.path.join(target, "copy%d" % (k + 1))
        for path, data in originals.items():
            rel = os.path.relpath(path, source)
            out = os.path.join(folder, rel)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            if (path, shift) not in moved_by:
                try:
                    moved_by[(path, shift)] = transpose(data, shift) if shift else data
                except IndexError:
                    moved_by[(path, shift)] = data  # a damaged file goes in as it is: the scan says so
            moved = moved_by[(path, shift)]
            with open(out, "wb") as f:
                f.write(moved)
            written += 1
    print("%d files in %s (%d copies of %d)" % (written, target, copies, len(files)))


if __name__ == "__main__":
    main()
