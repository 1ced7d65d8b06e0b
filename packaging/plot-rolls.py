#!/usr/bin/env python3
"""Piano-roll pictures of MIDI files side by side (Debian: python3-matplotlib, python3-mido),
to look at continuations next to their seeds: `biaxial evaluate --midi DIR`, then
    packaging/plot-rolls.py OUT.png DIR/waltz__3_4_-1.mid DIR/...  [--seed-bars 4]
A vertical line marks where the seed ends (the first `--seed-bars` bars of each file).
--by-track colours the notes by track instead (`biaxial jam`: the player blue, the network orange)."""
import argparse

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import mido  # noqa: E402


def notes_of(path):
    mid = mido.MidiFile(path)
    tpq = mid.ticks_per_beat
    notes, bar_ticks = [], 4 * tpq
    for index, track in enumerate(mid.tracks):
        t, on = 0, {}
        for msg in track:
            t += msg.time
            if msg.type == "time_signature" and t == 0:
                bar_ticks = tpq * 4 * msg.numerator // msg.denominator
            if msg.type == "note_on" and msg.velocity > 0:
                on.setdefault(msg.note, []).append(t)
            elif msg.type in ("note_off", "note_on") and on.get(msg.note):
                start = on[msg.note].pop(0)
                notes.append((start / tpq, (t - start) / tpq, msg.note, index))
    return notes, bar_ticks / tpq


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--seed-bars", type=float, default=4)
    ap.add_argument("--by-track", action="store_true")
    a = ap.parse_args()
    fig, axes = plt.subplots(len(a.files), 1, figsize=(14, 2.2 * len(a.files)), squeeze=False)
    for ax, path in zip(axes[:, 0], a.files):
        notes, bar = notes_of(path)
        seed_end = a.seed_bars * bar
        last_track = max((n[3] for n in notes), default=0)
        for start, length, pitch, track in notes:
            first = track < last_track if a.by_track else start < seed_end
            ax.broken_barh([(start, length)], (pitch - 0.4, 0.8), color="#4a7bd0" if first else "#d0704a")
        if not a.by_track:
            ax.axvline(seed_end, color="k", lw=1)
        end = max((s + l for s, l, _, _ in notes), default=seed_end)
        for b in range(int(end / bar) + 1):
            ax.axvline(b * bar, color="#ccc", lw=0.5, zorder=0)
        ax.set_title(path.split("/")[-1], fontsize=8, loc="left")
        ax.set_xlim(0, end)
    fig.tight_layout()
    fig.savefig(a.out, dpi=80)


if __name__ == "__main__":
    main()
