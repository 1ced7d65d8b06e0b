#include "biaxial/audio/PlaybackEventList.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace biaxial {
namespace {

std::uint8_t clamp7(int value) {
    return static_cast<std::uint8_t>(std::clamp(value, 0, 127));
}
std::uint8_t clampChannel(int channel) {
    return static_cast<std::uint8_t>(std::clamp(channel, 0, 15));
}
constexpr int kDrumChannel = 9;  // General MIDI: channel 10 plays drums whatever the program

bool eventLess(const PlaybackEvent& a, const PlaybackEvent& b) {
    return std::tie(a.tick, a.type, a.channel, a.data1, a.data2) <
           std::tie(b.tick, b.type, b.channel, b.data1, b.data2);
}

}  // namespace

PlaybackEventList::PlaybackEventList(const Song& song) : timing_(song) {
    timing_.tracks.clear();
    timing_.normalise();

    std::set<int> programmedChannels;  // the first track that uses a channel sets its program
    for (const Track& track : song.tracks) {
        std::set<int> channels;
        for (const Note& note : track.notes) {
            if (note.start < 0)
                continue;
            const std::uint8_t channel = clampChannel(note.channel);
            channels.insert(channel);
            // A zero-length note would sort its note-off before its note-on and hang.
            const std::int64_t end = note.start + std::max<std::int64_t>(1, note.length);
            PlaybackEvent on{
                0.0,     note.start,         PlaybackEvent::Type::NoteOn,
                channel, clamp7(note.pitch), static_cast<std::uint8_t>(std::clamp(note.velocity, 1, 127))};
            PlaybackEvent off{0.0, end, PlaybackEvent::Type::NoteOff, channel, clamp7(note.pitch), 0};
            events_.push_back(on);
            events_.push_back(off);
            endTick_ = std::max(endTick_, end);
        }
        for (const ControlChange& cc : track.controls) {
            if (cc.tick < 0)
                continue;
            events_.push_back({0.0, cc.tick, PlaybackEvent::Type::ControlChange, clampChannel(cc.channel),
                               clamp7(cc.controller), clamp7(cc.value)});
            channels.insert(clampChannel(cc.channel));
        }
        for (int channel : channels) {
            if (channel == kDrumChannel || !programmedChannels.insert(channel).second)
                continue;
            programs_.push_back({0.0, 0, PlaybackEvent::Type::ProgramChange,
                                 static_cast<std::uint8_t>(channel), clamp7(track.program), 0});
        }
    }
    std::sort(events_.begin(), events_.end(), eventLess);
    // Controllers after the last note are dropped: they would only stretch the song.
    while (!events_.empty() && events_.back().tick > endTick_)
        events_.pop_back();
    for (PlaybackEvent& event : events_)
        event.seconds = timing_.secondsAt(event.tick);
    endSeconds_ = timing_.secondsAt(endTick_);
}

std::size_t PlaybackEventList::indexAt(double seconds) const {
    auto it = std::lower_bound(events_.begin(), events_.end(), seconds,
                               [](const PlaybackEvent& e, double s) { return e.seconds < s; });
    return static_cast<std::size_t>(it - events_.begin());
}

std::vector<PlaybackEvent> PlaybackEventList::stateAt(std::int64_t tick) const {
    std::vector<PlaybackEvent> state = programs_;
    std::map<std::pair<int, int>, PlaybackEvent> lastValue;  // (channel, controller) -> event
    // Notes sounding across `tick`: (channel, pitch) -> how many overlap and the last strike.
    std::map<std::pair<int, int>, std::pair<int, PlaybackEvent>> held;
    for (const PlaybackEvent& event : events_) {
        if (event.tick > tick)
            break;
        const std::pair<int, int> key{event.channel, event.data1};
        if (event.type == PlaybackEvent::Type::NoteOff) {  // one ending at `tick` is not sounding there
            auto it = held.find(key);
            if (it != held.end() && --it->second.first == 0)
                held.erase(it);
        }
        if (event.tick == tick)
            continue;  // what happens at `tick` itself the scheduler plays from there
        if (event.type == PlaybackEvent::Type::ControlChange)
            lastValue[key] = event;
        else if (event.type == PlaybackEvent::Type::NoteOn) {
            auto& [count, strike] = held[key];
            ++count;
            strike = event;
        }
    }
    for (auto& [key, event] : lastValue)
        state.push_back(event);
    for (auto& [key, note] : held)  // after the pedal, as a player would put it down first
        state.push_back(note.second);
    const double seconds = timing_.secondsAt(tick);
    for (PlaybackEvent& event : state) {
        event.tick = tick;
        event.seconds = seconds;
    }
    return state;
}

}  // namespace biaxial
