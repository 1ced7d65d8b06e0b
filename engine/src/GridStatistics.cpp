#include "biaxial/engine/GridStatistics.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace biaxial {
namespace {

// Krumhansl-Kessler key profiles (probe-tone ratings), C major and C minor.
constexpr std::array<double, 12> kMajorProfile = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09,
                                                  2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
constexpr std::array<double, 12> kMinorProfile = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53,
                                                  2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
constexpr std::array<int, 7> kMajorScale = {0, 2, 4, 5, 7, 9, 11};
constexpr std::array<int, 7> kMinorScale = {0, 2, 3, 5, 7, 8, 10};  // natural minor
constexpr std::array<int, 1> kHarmonicMinorLeadingTone = {11};
const char* kNames[12] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

double correlation(const std::array<double, 12>& a, const std::array<double, 12>& b, int rotate) {
    double ma = 0, mb = 0;
    for (int i = 0; i < 12; ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= 12;
    mb /= 12;
    double num = 0, da = 0, db = 0;
    for (int i = 0; i < 12; ++i) {
        const double x = a[(i + rotate) % 12] - ma;
        const double y = b[i] - mb;
        num += x * y;
        da += x * x;
        db += y * y;
    }
    return (da > 0 && db > 0) ? num / std::sqrt(da * db) : 0.0;
}

}  // namespace

GridStatistics GridStatistics::of(const StepGrid& grid) {
    return of(std::vector<StepGrid>{grid});
}

GridStatistics GridStatistics::of(const std::vector<StepGrid>& grids) {
    GridStatistics s;
    std::int64_t sounding = 0, silent = 0, noteSteps = 0;
    std::array<double, 12> pcCount{};
    for (const auto& g : grids) {
        int silence = 0;
        std::vector<int> running(static_cast<std::size_t>(g.numNotes()), 0);
        for (int t = 0; t < g.steps(); ++t) {
            int now = 0;
            for (int n = 0; n < g.numNotes(); ++n) {
                if (!g.play(t, n)) {
                    running[static_cast<std::size_t>(n)] = 0;
                    continue;
                }
                ++now;
                const bool onset = g.articulate(t, n) || running[static_cast<std::size_t>(n)] == 0;
                if (onset) {
                    ++s.notes;
                    pcCount[static_cast<std::size_t>((g.lowPitch() + n) % 12)] += 1;
                }
                running[static_cast<std::size_t>(n)] = 1;
                ++noteSteps;
            }
            sounding += now;
            s.maxSimultaneous = std::max<double>(s.maxSimultaneous, now);
            if (now == 0) {
                ++silent;
                s.longestSilence = std::max(s.longestSilence, ++silence);
            } else {
                silence = 0;
            }
        }
        s.steps += g.steps();
    }
    if (s.steps > 0) {
        s.notesPerStep = static_cast<double>(sounding) / static_cast<double>(s.steps);
        s.silentStepShare = static_cast<double>(silent) / static_cast<double>(s.steps);
    }
    if (s.notes > 0) {
        s.meanNoteLength = static_cast<double>(noteSteps) / static_cast<double>(s.notes);
        for (int i = 0; i < 12; ++i)
            s.pitchClassShare[i] = pcCount[i] / static_cast<double>(s.notes);
        double best = -2;
        for (int tonic = 0; tonic < 12; ++tonic) {
            for (bool minor : {false, true}) {
                const double r = correlation(s.pitchClassShare, minor ? kMinorProfile : kMajorProfile, tonic);
                if (r > best) {
                    best = r;
                    s.keyTonic = tonic;
                    s.keyMinor = minor;
                }
            }
        }
        s.keyCorrelation = best;
    }
    return s;
}

double GridStatistics::shareInKey(int tonic, bool minor) const {
    const std::array<bool, 12> scale = keyScale(tonic, minor);
    double share = 0;
    for (int pc = 0; pc < 12; ++pc)
        if (scale[static_cast<std::size_t>(pc)])
            share += pitchClassShare[static_cast<std::size_t>(pc)];
    return share;
}

std::array<bool, 12> GridStatistics::keyScale(int tonic, bool minor) {
    std::array<bool, 12> scale{};
    tonic = ((tonic % 12) + 12) % 12;
    for (int step : minor ? kMinorScale : kMajorScale)
        scale[static_cast<std::size_t>((tonic + step) % 12)] = true;
    if (minor)  // the raised leading tone belongs to minor keys in this music
        for (int step : kHarmonicMinorLeadingTone)
            scale[static_cast<std::size_t>((tonic + step) % 12)] = true;
    return scale;
}

bool GridStatistics::parseKey(const std::string& text, int* tonic, bool* minor) {
    std::string t;
    for (char ch : text)
        if (ch != ' ' && ch != '_' && ch != '-')
            t += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (t.empty())
        return false;
    static const std::array<int, 7> kLetter = {9, 11, 0, 2, 4, 5, 7};  // a b c d e f g
    if (t[0] < 'a' || t[0] > 'g')
        return false;
    int pc = kLetter[static_cast<std::size_t>(t[0] - 'a')];
    std::size_t i = 1;
    if (t.compare(i, 1, "#") == 0) {
        ++pc;
        i += 1;
    } else if (t.compare(i, 5, "sharp") == 0) {
        ++pc;
        i += 5;
    } else if (t.compare(i, 4, "flat") == 0) {
        --pc;
        i += 4;
    } else if (t.compare(i, 1, "b") == 0) {  // "bb" is B flat, "eb" E flat
        --pc;
        i += 1;
    }
    const std::string rest = t.substr(i);
    bool isMinor;
    if (rest.empty() || rest == "major" || rest == "maj" || rest == "dur")
        isMinor = false;
    else if (rest == "minor" || rest == "min" || rest == "m" || rest == "moll")
        isMinor = true;
    else
        return false;
    if (tonic)
        *tonic = ((pc % 12) + 12) % 12;
    if (minor)
        *minor = isMinor;
    return true;
}

std::string GridStatistics::keyName() const {
    return std::string(kNames[((keyTonic % 12) + 12) % 12]) + (keyMinor ? " minor" : " major");
}

std::string GridStatistics::toText() const {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "steps %lld, notes %lld\n"
                  "notes sounding per step %.2f (max %.0f)\n"
                  "silent steps %.1f%% (longest silence %d steps)\n"
                  "mean note length %.2f steps\n"
                  "estimated key %s (r = %.2f), %.1f%% of onsets in its scale\n",
                  static_cast<long long>(steps), static_cast<long long>(notes), notesPerStep, maxSimultaneous,
                  100.0 * silentStepShare, longestSilence, meanNoteLength, keyName().c_str(), keyCorrelation,
                  100.0 * shareInKey(keyTonic, keyMinor));
    std::string out = buf;
    out += "pitch classes:";
    for (int i = 0; i < 12; ++i) {
        std::snprintf(buf, sizeof buf, " %s %.1f%%", kNames[i],
                      100.0 * pitchClassShare[static_cast<std::size_t>(i)]);
        out += buf;
    }
    return out + "\n";
}

}  // namespace biaxial
