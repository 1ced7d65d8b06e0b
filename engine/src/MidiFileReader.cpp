#include "biaxial/engine/MidiFileReader.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace biaxial {
namespace {

// Reads one MTrk chunk. Every read is bounds-checked against `end`; offsets in errors are
// absolute byte offsets in the file.
class TrackParser {
public:
    TrackParser(std::span<const std::uint8_t> bytes, std::size_t begin, std::size_t end,
                const std::string& name, int trackIndex, Song& song, std::vector<std::string>& warnings)
        : b_(bytes),
          pos_(begin),
          end_(end),
          name_(name),
          trackIndex_(trackIndex),
          song_(song),
          warnings_(warnings) {}

    std::optional<MidiError> events(Track& track, std::int64_t& tick, bool& sawEnd) {
        int runningStatus = 0;
        while (pos_ < end_) {
            std::uint32_t delta = 0;
            if (auto e = readVarLen(delta))
                return e;
            tick += delta;
            if (pos_ >= end_)
                return error(MidiErrorCode::BadEvent, "event cut off after its delta time");
            const std::size_t eventOffset = pos_;
            int status = b_[pos_];
            if (status & 0x80) {
                ++pos_;
            } else if (runningStatus) {
                status = runningStatus;  // running status: the data byte is not consumed here
            } else {
                return errorAt(eventOffset, MidiErrorCode::BadEvent,
                               "data byte " + hex(status) + " without a status byte (no running status)");
            }

            if (status == 0xFF) {
                if (pos_ >= end_)
                    return error(MidiErrorCode::BadEvent, "meta event cut off");
                const int type = b_[pos_++];
                std::uint32_t len = 0;
                if (auto e = readVarLen(len))
                    return e;
                if (len > end_ - pos_)
                    return error(MidiErrorCode::BadEvent, "meta event of " + std::to_string(len) +
                                                              " bytes runs past the end of the track");
                handleMeta(type, pos_, len, tick, track);
                pos_ += len;
                if (type == 0x2F) {
                    sawEnd = true;
                    break;
                }
            } else if (status == 0xF0 || status == 0xF7) {
                std::uint32_t len = 0;
                if (auto e = readVarLen(len))
                    return e;
                if (len > end_ - pos_)
                    return error(MidiErrorCode::BadEvent,
                                 "sysex of " + std::to_string(len) + " bytes runs past the end of the track");
                pos_ += len;
            } else if (status >= 0xF1) {
                // System common and real-time messages are not allowed in a file but common in
                // the wild; players skip them with their data bytes, and so do we.
                const int dataBytes = status == 0xF2 ? 2 : (status == 0xF1 || status == 0xF3) ? 1 : 0;
                for (int k = 0; k < dataBytes && pos_ < end_ && !(b_[pos_] & 0x80); ++k)
                    ++pos_;
                warn("byte " + std::to_string(eventOffset) + ": status " + hex(status) +
                     " is not allowed in a MIDI file (skipped)");
            } else {
                runningStatus = status;
                const int kind = status & 0xF0;
                const int channel = status & 0x0F;
                const int dataBytes = (kind == 0xC0 || kind == 0xD0) ? 1 : 2;
                if (end_ - pos_ < static_cast<std::size_t>(dataBytes))
                    return error(MidiErrorCode::BadEvent, "channel event cut off");
                const int d1 = b_[pos_];
                const int d2 = dataBytes == 2 ? b_[pos_ + 1] : 0;
                if ((d1 & 0x80) || (d2 & 0x80))
                    return errorAt(pos_, MidiErrorCode::BadEvent, "status byte where a data byte must be");
                pos_ += static_cast<std::size_t>(dataBytes);
                handleChannel(kind, channel, d1, d2, tick, track);
            }
        }
        return std::nullopt;
    }

    // A track whose chunk the file cuts short (`truncated`): read what is there, and an event
    // cut off at the end of the file ends the track with a warning instead of failing the file.
    void setTruncated(bool truncated) { truncated_ = truncated; }

    std::optional<MidiError> parse(Track& track) {
        std::int64_t tick = 0;
        bool sawEnd = false;
        if (auto e = events(track, tick, sawEnd)) {
            const bool cutByTheEnd = e->what.find("cut off") != std::string::npos ||
                                     e->what.find("past the end") != std::string::npos;
            if (!truncated_ || !cutByTheEnd)
                return e;
            warn("the file ends inside this track (" + e->what + "); kept everything before it");
            sawEnd = true;  // said once: the cut is the repair
        }
        if (!sawEnd)
            warn("missing end-of-track (repaired)");
        lastTick_ = tick;
        closeOpenNotes(track);
        applyLocks(track);
        if (orphanOffs_ > 0)
            warn(std::to_string(orphanOffs_) + " note-off(s) without a note-on (ignored)");
        if (zeroLength_ > 0)
            warn(std::to_string(zeroLength_) + " zero-length note(s) (dropped)");
        return std::nullopt;
    }

private:
    void handleMeta(int type, std::size_t at, std::uint32_t len, std::int64_t tick, Track& track) {
        if (type == 0x51) {
            if (len != 3) {
                warn("tempo event of length " + std::to_string(len) + " (ignored)");
                return;
            }
            const int micros = (b_[at] << 16) | (b_[at + 1] << 8) | b_[at + 2];
            if (micros <= 0) {
                warn("tempo of 0 microseconds per quarter (ignored)");
                return;
            }
            song_.tempos.push_back({tick, micros});
        } else if (type == 0x58) {
            if (len < 2) {
                warn("time signature of length " + std::to_string(len) + " (ignored)");
                return;
            }
            const int num = b_[at];
            const int denPow = b_[at + 1];
            if (num <= 0 || denPow > 6) {
                warn("time signature " + std::to_string(num) + "/2^" + std::to_string(denPow) + " (ignored)");
                return;
            }
            song_.timeSignatures.push_back({tick, num, 1 << denPow});
        } else if (type == 0x03 && track.name.empty()) {
            track.name.assign(reinterpret_cast<const char*>(b_.data() + at), len);
        } else if (type == 0x7F && len >= 4 && b_[at] == 0x7D && b_[at + 1] == 'B' && b_[at + 2] == 'X' &&
                   b_[at + 3] == 'L') {
            readLocks(at + 4, at + len);
        }
    }

    // The locked notes' (start, pitch) pairs written by MidiFileWriter; a malformed list is
    // ignored with a warning (the notes themselves are intact).
    void readLocks(std::size_t pos, std::size_t end) {
        while (pos < end) {
            std::uint32_t start = 0;
            int bytes = 0;
            while (pos < end && bytes < 4) {
                const std::uint8_t c = b_[pos++];
                start = (start << 7) | (c & 0x7F);
                ++bytes;
                if (!(c & 0x80))
                    break;
            }
            if (pos >= end || (b_[pos - 1] & 0x80)) {
                warn("malformed list of locked notes (ignored)");
                locks_.clear();
                return;
            }
            locks_.insert({static_cast<std::int64_t>(start), b_[pos++] & 0x7F});
        }
    }

    void applyLocks(Track& track) {
        if (locks_.empty())
            return;
        for (auto& n : track.notes)
            n.locked = locks_.count({n.start, n.pitch}) > 0;
    }

    void handleChannel(int kind, int channel, int d1, int d2, std::int64_t tick, Track& track) {
        if (kind == 0x90 && d2 > 0) {
            open_[key(channel, d1)].push_back({tick, d2});
        } else if (kind == 0x80 || kind == 0x90) {
            auto it = open_.find(key(channel, d1));
            if (it == open_.end() || it->second.empty()) {
                ++orphanOffs_;
                return;
            }
            // First in, first out: with overlapping same-pitch notes, the first note-off ends the first
            // note-on. This is what makes our own writer's output read back exactly.
            const OpenNote on = it->second.front();
            it->second.pop_front();
            addNote(track, channel, d1, on, tick);
        } else if (kind == 0xB0) {
            track.controls.push_back({tick, channel, d1, d2});
        } else if (kind == 0xC0) {
            if (!sawProgram_)
                track.program = d1;
            sawProgram_ = true;
        }
    }

    struct OpenNote {
        std::int64_t start;
        int velocity;
    };

    void addNote(Track& track, int channel, int pitch, const OpenNote& on, std::int64_t endTick) {
        if (endTick <= on.start) {
            ++zeroLength_;
            return;
        }
        track.notes.push_back(Note{pitch, on.start, endTick - on.start, on.velocity, channel});
    }

    void closeOpenNotes(Track& track) {
        int unterminated = 0;
        for (auto& [k, queue] : open_) {
            for (const auto& on : queue) {
                ++unterminated;
                addNote(track, k >> 8, k & 0x7F, on, lastTick_);
            }
        }
        if (unterminated > 0)
            warn(std::to_string(unterminated) + " note(s) still on at the end of the track (ended there)");
    }

    std::optional<MidiError> readVarLen(std::uint32_t& value) {
        value = 0;
        const std::size_t start = pos_;
        for (int i = 0; i < 4; ++i) {
            if (pos_ >= end_)
                return errorAt(start, MidiErrorCode::BadVarLen, "variable-length number cut off");
            const std::uint8_t c = b_[pos_++];
            value = (value << 7) | (c & 0x7F);
            if (!(c & 0x80))
                return std::nullopt;
        }
        return errorAt(start, MidiErrorCode::BadVarLen, "variable-length number longer than 4 bytes");
    }

    static int key(int channel, int pitch) { return (channel << 8) | pitch; }
    static std::string hex(int v) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "0x%02X", v & 0xFF);
        return buf;
    }
    void warn(const std::string& w) {
        warnings_.push_back("track " + std::to_string(trackIndex_) + ": " + w);
    }
    MidiError error(MidiErrorCode code, std::string what) const {
        return errorAt(pos_, code, std::move(what));
    }
    MidiError errorAt(std::size_t at, MidiErrorCode code, std::string what) const {
        return MidiError{code, name_, at, "track " + std::to_string(trackIndex_) + ": " + std::move(what)};
    }

    std::span<const std::uint8_t> b_;
    std::size_t pos_;
    std::size_t end_;
    const std::string& name_;
    int trackIndex_;
    bool truncated_ = false;
    Song& song_;
    std::vector<std::string>& warnings_;
    std::map<int, std::deque<OpenNote>> open_;
    std::set<std::pair<std::int64_t, int>> locks_;  // (start tick, pitch) of the track's locked notes
    std::int64_t lastTick_ = 0;
    int orphanOffs_ = 0;
    int zeroLength_ = 0;
    bool sawProgram_ = false;
};

std::uint32_t be32(std::span<const std::uint8_t> b, std::size_t at) {
    return (std::uint32_t(b[at]) << 24) | (std::uint32_t(b[at + 1]) << 16) | (std::uint32_t(b[at + 2]) << 8) |
           std::uint32_t(b[at + 3]);
}
int be16(std::span<const std::uint8_t> b, std::size_t at) {
    return (b[at] << 8) | b[at + 1];
}

}  // namespace

Result<Song> MidiFileReader::readFile(const std::string& path) {
    // A folder opens as a stream on Linux and reports an absurd size: say what it is instead.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return MidiError{MidiErrorCode::CannotOpen, path, 0, "this is a folder, not a MIDI file"};
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return MidiError{MidiErrorCode::CannotOpen, path, 0, "the file does not exist or cannot be read"};
    const std::streamoff size = in.tellg();
    if (size < 0)
        return MidiError{MidiErrorCode::CannotOpen, path, 0, "cannot tell the file's size"};
    if (static_cast<std::uint64_t>(size) > kMaxFileBytes)
        return MidiError{MidiErrorCode::TooLarge, path, 0,
                         std::to_string(size) + " bytes; the limit is " + std::to_string(kMaxFileBytes)};
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.seekg(0);
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size))
        return MidiError{MidiErrorCode::CannotOpen, path, 0, "read failed"};
    return readBytes(bytes, path);
}

Result<Song> MidiFileReader::readBytes(std::span<const std::uint8_t> b, const std::string& name) {
    if (b.size() > kMaxFileBytes)
        return MidiError{MidiErrorCode::TooLarge, name, 0, std::to_string(b.size()) + " bytes"};
    if (b.size() < 4 || !std::equal(b.begin(), b.begin() + 4, "MThd"))
        return MidiError{MidiErrorCode::NotMidi, name, 0, "the file does not start with 'MThd'"};
    if (b.size() < 8)
        return MidiError{MidiErrorCode::TruncatedChunk, name, 4, "header chunk cut off"};
    const std::uint32_t headerLen = be32(b, 4);
    if (headerLen < 6)
        return MidiError{MidiErrorCode::BadHeader, name, 4,
                         "header chunk of " + std::to_string(headerLen) + " bytes (expected 6)"};
    if (headerLen > b.size() - 8)
        return MidiError{MidiErrorCode::TruncatedChunk, name, 4,
                         "header claims " + std::to_string(headerLen) + " bytes, " +
                             std::to_string(b.size() - 8) + " remain"};
    const int format = be16(b, 8);
    const int declaredTracks = be16(b, 10);
    const int division = be16(b, 12);
    if (format > 2)
        return MidiError{MidiErrorCode::BadHeader, name, 8, "format " + std::to_string(format)};
    if (division & 0x8000)
        return MidiError{MidiErrorCode::SmpteDivision, name, 12,
                         "the file counts time in SMPTE frames, not in ticks per quarter note"};
    if (division == 0)
        return MidiError{MidiErrorCode::BadHeader, name, 12, "0 ticks per quarter note"};

    std::vector<std::string> warnings;
    if (headerLen > 6)
        warnings.push_back("header chunk longer than 6 bytes (extra bytes ignored)");
    Song song;
    song.ticksPerQuarter = division;
    std::size_t pos = 8 + headerLen;
    int trackIndex = 0;
    std::optional<MidiError> cutAt;  // where the file cut its last track short
    while (pos < b.size()) {
        if (b.size() - pos < 8) {
            warnings.push_back(std::to_string(b.size() - pos) +
                               " stray byte(s) at the end of the file (ignored)");
            break;
        }
        const std::uint32_t len = be32(b, pos + 4);
        const bool isTrack = std::equal(b.begin() + static_cast<std::ptrdiff_t>(pos),
                                        b.begin() + static_cast<std::ptrdiff_t>(pos) + 4, "MTrk");
        const bool cut = len > b.size() - pos - 8;
        if (cut && !isTrack)
            return MidiError{MidiErrorCode::TruncatedChunk, name, pos + 4,
                             "chunk claims " + std::to_string(len) + " bytes, " +
                                 std::to_string(b.size() - pos - 8) + " remain"};
        if (isTrack) {
            // A track cut short by the end of the file (a download or copy that stopped early):
            // every note up to the cut is kept, with a warning naming the byte.
            if (cut)
                warnings.push_back("byte " + std::to_string(pos + 4) + ": the last track claims " +
                                   std::to_string(len) + " bytes but the file ends after " +
                                   std::to_string(b.size() - pos - 8) + " (read what is there)");
            if (cut)
                cutAt = MidiError{MidiErrorCode::TruncatedChunk, name, pos + 4,
                                  "MTrk claims " + std::to_string(len) + " bytes, " +
                                      std::to_string(b.size() - pos - 8) + " remain"};
            const std::size_t end = cut ? b.size() : pos + 8 + len;
            Track track;
            TrackParser parser(b, pos + 8, end, name, trackIndex, song, warnings);
            parser.setTruncated(cut);
            if (auto e = parser.parse(track))
                return *e;
            if (!track.notes.empty() || !track.controls.empty())
                song.tracks.push_back(std::move(track));
            ++trackIndex;
        } else {
            warnings.push_back("unknown chunk at byte " + std::to_string(pos) + " (skipped)");
        }
        if (cut)
            break;
        pos += 8 + len;
    }
    if (trackIndex != declaredTracks)
        warnings.push_back("header declares " + std::to_string(declaredTracks) + " track(s), file holds " +
                           std::to_string(trackIndex));
    // A cut that leaves no note at all has nothing to recover: the file is refused as before.
    if (cutAt && song.noteCount() == 0)
        return *cutAt;
    song.normalise();
    return Result<Song>(std::move(song), std::move(warnings));
}

}  // namespace biaxial
