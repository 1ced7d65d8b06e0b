// libFuzzer target for the MIDI reader: any bytes must give a song or an error, never a crash,
// a hang or unbounded memory. Whatever is read must also survive the writer and the grid.
#include <cstddef>
#include <cstdint>

#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto r = biaxial::MidiFileReader::readBytes({data, size}, "fuzz.mid");
    if (!r.ok())
        return 0;
    const auto& song = r.value();
    // Bound the grid: a fuzzed file may place one note at tick 2^31, which is a legal but
    // enormous grid; the reader itself is what is under test.
    if (song.endTick() / std::max(1, song.ticksPerQuarter) > 100000)
        return 0;
    auto again = biaxial::MidiFileReader::readBytes(biaxial::MidiFileWriter::toBytes(song), "rewritten.mid");
    if (!again.ok())
        __builtin_trap();  // our own output must always read back
    biaxial::GridConverter::toGrid(song);
    return 0;
}
