#include "biaxial/ui/SongDocument.h"

#include <QFileInfo>
#include <algorithm>
#include <iterator>

namespace biaxial {

SongDocument::SongDocument(QObject* parent) : QObject(parent), song_(emptySong()) {
    connect(&undo_, &QUndoStack::cleanChanged, this, [this] { emitModifiedIfChanged(); });
    connect(&undo_, &QUndoStack::indexChanged, this, [this] { emitModifiedIfChanged(); });
}

Song SongDocument::emptySong() {
    Song song;
    song.ticksPerQuarter = 480;
    Track piano;
    piano.name = "Piano";
    song.tracks.push_back(piano);
    song.normalise();
    return song;
}

void SongDocument::setFilePath(const QString& path) {
    if (path == path_)
        return;
    path_ = path;
    emit filePathChanged(path_);
}

QString SongDocument::displayName() const {
    return path_.isEmpty() ? tr("Untitled") : QFileInfo(path_).fileName();
}

bool SongDocument::isModified() const {
    return forcedModified_ || !undo_.isClean();
}

void SongDocument::markSaved() {
    forcedModified_ = false;
    undo_.setClean();
    emitModifiedIfChanged();
}

void SongDocument::reset(Song song, const QString& path, bool modified) {
    song.normalise();
    if (song.tracks.empty())
        song.tracks.push_back(Track{"Piano", 0, {}, {}});
    song_ = std::move(song);
    selection_.clear();
    undo_.clear();
    forcedModified_ = modified;
    touch();
    setFilePath(path);
    emit songReset();
    emit notesChanged();
    emit tempoChanged();
    emit selectionChanged();
    emitModifiedIfChanged();
}

double SongDocument::bpm() const {
    return 60'000'000.0 / microsPerQuarter();
}

int SongDocument::microsPerQuarter() const {
    return song_.tempos.empty() ? 500000 : song_.tempos.front().microsPerQuarter;
}

TimeSignature SongDocument::timeSignature() const {
    return song_.timeSignatures.empty() ? TimeSignature{} : song_.timeSignatures.front();
}

std::int64_t SongDocument::ticksPerBeat() const {
    const TimeSignature sig = timeSignature();
    const int denominator = sig.denominator > 0 ? sig.denominator : 4;
    return std::max<std::int64_t>(1, song_.ticksPerQuarter * 4 / denominator);
}

std::int64_t SongDocument::ticksPerBar() const {
    return ticksPerBeat() * std::max(1, timeSignature().numerator);
}

int SongDocument::editTrack() const {
    for (std::size_t i = 0; i < song_.tracks.size(); ++i)
        if (!song_.tracks[i].notes.empty())
            return static_cast<int>(i);
    return 0;
}

NoteRefs SongDocument::allNotes() const {
    NoteRefs refs;
    refs.reserve(song_.noteCount());
    for (std::size_t t = 0; t < song_.tracks.size(); ++t)
        for (const Note& n : song_.tracks[t].notes)
            refs.push_back({static_cast<int>(t), n});
    return refs;
}

NoteRefs SongDocument::notesInRange(std::int64_t from, std::int64_t to) const {
    NoteRefs refs;
    for (std::size_t t = 0; t < song_.tracks.size(); ++t)
        for (const Note& n : song_.tracks[t].notes) {
            if (n.start >= to)
                break;  // sorted by start
            if (n.end() > from)
                refs.push_back({static_cast<int>(t), n});
        }
    return refs;
}

bool SongDocument::contains(const NoteRef& ref) const {
    if (ref.track < 0 || ref.track >= static_cast<int>(song_.tracks.size()))
        return false;
    const auto& notes = song_.tracks[ref.track].notes;
    auto it = std::lower_bound(notes.begin(), notes.end(), ref.note, noteLess);
    return it != notes.end() && *it == ref.note;
}

NoteRefs SongDocument::selectedNotes() const {
    return NoteRefs(selection_.begin(), selection_.end());
}

void SongDocument::setSelection(const NoteRefs& refs) {
    selection_.clear();
    for (const NoteRef& r : refs)
        if (contains(r))
            selection_.insert(r);
    emit selectionChanged();
}

void SongDocument::addToSelection(const NoteRefs& refs) {
    for (const NoteRef& r : refs)
        if (contains(r))
            selection_.insert(r);
    emit selectionChanged();
}

void SongDocument::removeFromSelection(const NoteRefs& refs) {
    for (const NoteRef& r : refs)
        selection_.erase(r);
    emit selectionChanged();
}

void SongDocument::clearSelection() {
    if (selection_.empty())
        return;
    selection_.clear();
    emit selectionChanged();
}

void SongDocument::selectAll() {
    NoteRefs all = allNotes();
    selection_ = std::set<NoteRef>(all.begin(), all.end());
    emit selectionChanged();
}

namespace {
// The notes of `refs` grouped by track, each group sorted: bulk edits (select all, transpose)
// then cost one merge per track instead of one vector insert or erase per note.
std::vector<std::vector<Note>> byTrack(const NoteRefs& refs, std::size_t trackCount) {
    std::vector<std::vector<Note>> groups(trackCount);
    for (const NoteRef& r : refs)
        if (r.track >= 0 && static_cast<std::size_t>(r.track) < trackCount)
            groups[r.track].push_back(r.note);
    for (auto& g : groups)
        std::sort(g.begin(), g.end(), noteLess);
    return groups;
}
}  // namespace

void SongDocument::insertNotes(const NoteRefs& refs) {
    int maxTrack = -1;
    for (const NoteRef& r : refs)
        maxTrack = std::max(maxTrack, r.track);
    if (maxTrack >= static_cast<int>(song_.tracks.size()))
        song_.tracks.resize(maxTrack + 1);
    const auto groups = byTrack(refs, song_.tracks.size());
    for (std::size_t t = 0; t < groups.size(); ++t) {
        if (groups[t].empty())
            continue;
        auto& notes = song_.tracks[t].notes;
        std::vector<Note> merged;
        merged.reserve(notes.size() + groups[t].size());
        std::merge(notes.begin(), notes.end(), groups[t].begin(), groups[t].end(), std::back_inserter(merged),
                   noteLess);
        notes = std::move(merged);
    }
    touch();
    emit notesChanged();
}

void SongDocument::eraseNotes(const NoteRefs& refs) {
    const auto groups = byTrack(refs, song_.tracks.size());
    for (std::size_t t = 0; t < groups.size(); ++t) {
        if (groups[t].empty())
            continue;
        auto& notes = song_.tracks[t].notes;
        // A multiset difference: one equal note goes per entry; entries not found are ignored.
        std::vector<Note> kept;
        kept.reserve(notes.size());
        std::set_difference(notes.begin(), notes.end(), groups[t].begin(), groups[t].end(),
                            std::back_inserter(kept), noteLess);
        notes = std::move(kept);
    }
    bool selectionTouched = false;
    for (const NoteRef& r : refs)
        // A duplicate may remain; keep it selected only if it still exists.
        if (selection_.count(r) && !contains(r))
            selectionTouched |= selection_.erase(r) != 0;
    touch();
    emit notesChanged();
    if (selectionTouched)
        emit selectionChanged();
}

void SongDocument::setMicrosPerQuarter(int micros) {
    micros = std::clamp(micros, 1, 0xFFFFFF);
    if (song_.tempos.empty() || song_.tempos.front().tick != 0)
        song_.tempos.insert(song_.tempos.begin(), TempoChange{0, micros});
    else
        song_.tempos.front().microsPerQuarter = micros;
    touch();
    emit tempoChanged();
}

void SongDocument::setTimeSignature(int numerator, int denominator) {
    const TimeSignature sig{0, std::clamp(numerator, 1, 32), std::clamp(denominator, 1, 64)};
    if (song_.timeSignatures.empty() || song_.timeSignatures.front().tick != 0)
        song_.timeSignatures.insert(song_.timeSignatures.begin(), sig);
    else
        song_.timeSignatures.front() = sig;
    touch();
    emit meterChanged();
}

int SongDocument::program() const {
    return song_.tracks.empty() ? 0 : song_.tracks.front().program;
}

void SongDocument::setProgram(int program) {
    program = std::clamp(program, 0, 127);
    if (song_.tracks.empty())
        song_.tracks.emplace_back();
    for (auto& t : song_.tracks)
        t.program = program;
    touch();
    emit programChanged();
}

void SongDocument::restoreTrackPrograms(const std::vector<int>& programs) {
    for (std::size_t i = 0; i < programs.size() && i < song_.tracks.size(); ++i)
        song_.tracks[i].program = programs[i];
    touch();
    emit programChanged();
}

void SongDocument::touch() {
    ++revision_;
}

void SongDocument::emitModifiedIfChanged() {
    const bool m = isModified();
    if (m == lastModified_)
        return;
    lastModified_ = m;
    emit modifiedChanged(m);
}

}  // namespace biaxial
