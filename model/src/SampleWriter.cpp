#include "SampleWriter.h"

#include <filesystem>
#include <random>

#include "BatchBuilder.h"
#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/model/Generator.h"

namespace biaxial {

SampleWriter::Written SampleWriter::write(const Model& model, const std::vector<const CompactGrid*>& train,
                                          std::int64_t batch, const std::atomic<bool>* cancel) const {
    const std::filesystem::path folder = options_.sampleFolder.empty()
                                             ? std::filesystem::path(options_.outputPath).parent_path()
                                             : std::filesystem::path(options_.sampleFolder);
    std::error_code ec;
    if (!folder.empty())
        std::filesystem::create_directories(folder, ec);
    GenerationOptions g;
    g.steps = options_.sampleSteps;
    g.seed = options_.seed + static_cast<std::uint64_t>(batch);
    std::mt19937_64 rng(options_.seed + static_cast<std::uint64_t>(batch));
    const Segment s = drawSegment(rng, train, options_.segmentSteps, options_.segmentAlign);
    StepGrid seed = train[static_cast<std::size_t>(s.piece)]->slice(s.start, s.start + 1);
    const auto r = Generator::generate(model, seed, g, cancel);
    if (!r.ok)
        return {{}, "sample failed: " + r.error};
    seed.append(r.variations[0]);
    const std::string path = (folder / ("sample-" + std::to_string(batch) + ".mid")).string();
    if (auto err = MidiFileWriter::writeFile(GridConverter::toSong(seed), path))
        return {{}, "sample failed: " + err->message()};
    return {path, {}};
}

}  // namespace biaxial
