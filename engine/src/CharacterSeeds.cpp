#include "biaxial/engine/CharacterSeeds.h"

#include <initializer_list>

namespace biaxial {

namespace {

constexpr int kTpq = 480;
constexpr int kSixteenth = kTpq / 4;

Song emptySong(int numerator, int denominator, int bpm) {
    Song song;
    song.ticksPerQuarter = kTpq;
    song.tempos.push_back({0, 60'000'000 / bpm});
    song.timeSignatures.push_back({0, numerator, denominator});
    song.tracks.emplace_back();
    song.tracks[0].name = "piano";
    return song;
}

// Notes one after another from `start` (ticks), each `sixteenths` long.
std::int64_t line(Song& song, std::int64_t start,
                  std::initializer_list<std::pair<int, int>> pitchAndSixteenths, int velocity) {
    for (const auto& [pitch, sixteenths] : pitchAndSixteenths) {
        if (pitch > 0)
            song.tracks[0].notes.push_back(Note{pitch, start, sixteenths * kSixteenth, velocity, 0});
        start += sixteenths * kSixteenth;
    }
    return start;
}

void chord(Song& song, std::int64_t start, int sixteenths, std::initializer_list<int> pitches, int velocity) {
    for (int p : pitches)
        song.tracks[0].notes.push_back(Note{p, start, sixteenths * kSixteenth, velocity, 0});
}

}  // namespace

CharacterSeeds::Seed CharacterSeeds::waltz() {
    // C major: C | Dm | G7 | C, oom-pah-pah under a melody of halves and quarters.
    Song s = emptySong(3, 4, 160);
    const int bass[4] = {48, 50, 43, 48};
    const std::initializer_list<int> chords[4] = {{52, 55}, {53, 57}, {53, 59}, {52, 55}};
    for (int bar = 0; bar < 4; ++bar) {
        const std::int64_t t = bar * 12 * kSixteenth;
        chord(s, t, 4, {bass[bar]}, 80);
        chord(s, t + 4 * kSixteenth, 4, chords[bar], 64);
        chord(s, t + 8 * kSixteenth, 4, chords[bar], 64);
    }
    line(s, 0, {{76, 8}, {79, 4}, {77, 8}, {74, 4}, {74, 8}, {71, 4}, {72, 12}}, 92);
    s.normalise();
    return {"waltz (3/4)", s};
}

CharacterSeeds::Seed CharacterSeeds::invention() {
    // D minor: running sixteenths in the right hand over eighths in the left.
    Song s = emptySong(4, 4, 90);
    line(s, 0,
         {{74, 1}, {76, 1}, {77, 1}, {79, 1}, {81, 1}, {77, 1}, {76, 1}, {74, 1}, {73, 1}, {76, 1}, {81, 1},
          {79, 1}, {77, 1}, {76, 1}, {74, 1}, {73, 1}, {74, 1}, {77, 1}, {81, 1}, {86, 1}, {84, 1}, {82, 1},
          {81, 1}, {79, 1}, {77, 1}, {81, 1}, {79, 1}, {77, 1}, {76, 1}, {79, 1}, {77, 1}, {76, 1}, {74, 1},
          {76, 1}, {77, 1}, {74, 1}, {79, 1}, {77, 1}, {76, 1}, {79, 1}, {81, 1}, {79, 1}, {77, 1}, {81, 1},
          {82, 1}, {81, 1}, {79, 1}, {82, 1}, {81, 1}, {77, 1}, {74, 1}, {77, 1}, {76, 1}, {73, 1}, {69, 1},
          {73, 1}, {74, 1}, {69, 1}, {65, 1}, {69, 1}, {74, 1}, {76, 1}, {77, 1}, {79, 1}},
         84);
    line(s, 0,
         {{50, 2}, {57, 2}, {53, 2}, {57, 2}, {49, 2}, {57, 2}, {52, 2}, {57, 2}, {50, 2}, {58, 2}, {53, 2},
          {58, 2}, {48, 2}, {57, 2}, {52, 2}, {57, 2}, {46, 2}, {53, 2}, {50, 2}, {53, 2}, {43, 2}, {50, 2},
          {46, 2}, {50, 2}, {45, 2}, {52, 2}, {49, 2}, {52, 2}, {50, 2}, {45, 2}, {38, 2}, {45, 2}},
         72);
    s.normalise();
    return {"two-voice invention (running sixteenths)", s};
}

CharacterSeeds::Seed CharacterSeeds::chorale() {
    // G major, four voices in quarters: I V6 vi iii6 | IV I6 ii6 V | I IV6 V/V V | vi IV V I.
    Song s = emptySong(4, 4, 76);
    const int satb[16][4] = {
        {67, 62, 59, 43}, {67, 62, 59, 47}, {64, 64, 59, 40}, {66, 62, 59, 47},
        {67, 64, 60, 48}, {67, 62, 59, 47}, {69, 64, 60, 48}, {66, 62, 57, 50},
        {67, 62, 59, 43}, {67, 64, 60, 45}, {69, 66, 60, 45}, {69, 66, 62, 50},
        {71, 64, 62, 52}, {72, 64, 60, 48}, {69, 66, 62, 50}, {67, 62, 59, 43},
    };
    for (int beat = 0; beat < 16; ++beat)
        chord(s, beat * 4 * kSixteenth, 4, {satb[beat][0], satb[beat][1], satb[beat][2], satb[beat][3]}, 76);
    s.normalise();
    return {"four-voice chorale (quarters)", s};
}

CharacterSeeds::Seed CharacterSeeds::nocturne() {
    // E-flat major: broken-chord eighths in the left hand, a slow melody above.
    Song s = emptySong(4, 4, 66);
    const int broken[4][4] = {{39, 46, 55, 58}, {44, 48, 56, 60}, {46, 50, 56, 58}, {39, 46, 55, 58}};
    for (int bar = 0; bar < 4; ++bar)
        for (int i = 0; i < 8; ++i) {
            const int k = i < 4 ? i : 8 - i;  // up, then back down
            chord(s, (bar * 16 + i * 2) * kSixteenth, 2, {broken[bar][k % 4]}, 60);
        }
    line(s, 0,
         {{70, 6}, {67, 2}, {75, 8}, {72, 4}, {70, 2}, {68, 2}, {65, 8}, {74, 6}, {72, 2}, {70, 8}, {67, 16}},
         88);
    s.normalise();
    return {"nocturne (broken-chord eighths)", s};
}

}  // namespace biaxial
