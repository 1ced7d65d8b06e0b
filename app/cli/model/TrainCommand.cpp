// `biaxial train`: trains a biaxial model on a MIDI folder or a benchmark JSON dataset.
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <map>
#include <string>
#include <utility>

#include "ArgParser.h"
#include "Command.h"
#include "RankLauncher.h"
#include "biaxial/engine/CorpusScanner.h"
#include "biaxial/model/DataParallelConfig.h"
#include "biaxial/model/DatasetReader.h"
#include "biaxial/model/Model.h"
#include "biaxial/model/Trainer.h"

namespace {

std::atomic<bool> gCancel{false};

void onInterrupt(int) {
    gCancel.store(true);
}

std::string duration(double s) {
    if (!(s >= 0) || s > 1e9)
        return "?";
    char buf[64];
    const long t = std::lround(s);
    if (t >= 3600)
        std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, (t / 60) % 60);
    else if (t >= 60)
        std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
    else
        std::snprintf(buf, sizeof buf, "%lds", t);
    return buf;
}

const char* kUsage =
    "usage: biaxial train (--corpus DIR | --dataset FILE.json) --out MODEL.pt [options]\n"
    "\n"
    "Trains the biaxial LSTM (Johnson 2015). Writes MODEL.pt (weights, config, model card) and\n"
    "MODEL.pt.ckpt (also the optimiser and random state, for --resume) at every checkpoint.\n"
    "Ctrl-C stops after the current batch; the files keep the last checkpoint.\n"
    "\n"
    "  --corpus DIR            MIDI folder (searched recursively)\n"
    "  --dataset FILE.json     benchmark JSON ({train, valid, test}; its valid split validates)\n"
    "  --out MODEL.pt          the model file to write\n"
    "  --steps N               total batches (default 10000, the original's)\n"
    "  --time-limit S          stop after S seconds (a checkpoint is written; --resume goes on)\n"
    "  --hold-out-like M.pt    hold out the pieces model M.pt held out (its card's validation_pieces),\n"
    "                          so that the two models' validation NLLs compare\n"
    "  --size NAME             original (300,300/100,50), small (128,128/64,32) or tiny (default original)\n"
    "  --time-sizes A,B,..     the time-axis LSTM sizes of a new model (overrides --size)\n"
    "  --note-sizes A,B,..     the note-axis LSTM sizes of a new model (overrides --size)\n"
    "  --batch B               segments per batch (default 10)\n"
    "  --segment L             steps per segment (default 128, starting on multiples of --align)\n"
    "  --align A               segments start on multiples of A steps (default 16, the original's bar)\n"
    "  --steps-per-bar K       frames per bar for the beat inputs, stored in the model: 0 (default,\n"
    "                          the original's 16-step bar), 4 for quarter-note frames (JSB), 8 for\n"
    "                          eighth-note frames (the other bl2012 sets); 1, 2 and 16 also work\n"
    "  --dropout P             dropout on the hidden layers while training, for a new model\n"
    "                          (default 0.5, the original's)\n"
    "  --transpose K           augmentation: move each training segment by a random number of\n"
    "                          semitones in [-K, K] (never pushing a note off the keyboard)\n"
    "  --lead-in               every piece starts with a silent frame, as biaxial eval scores it, so\n"
    "                          that the network learns to open a piece from silence\n"
    "  --bf16                  mixed precision on the CPU: the LSTM products in bfloat16 with\n"
    "                          float32 accumulation and weights (AVX-512 BF16; see biaxial bench)\n"
    "  --keep-best             MODEL.pt keeps the weights of the best validation NLL (early\n"
    "                          stopping); MODEL.pt.ckpt the latest, for --resume\n"
    "  --weight-average D      keep an exponential moving average of the weights (decay D per\n"
    "                          batch, e.g. 0.999); validation, --keep-best and MODEL.pt use it\n"
    "  --valid-segments N      segments in each validation pass (default 40)\n"
    "  --valid-whole           validate on the held-out pieces whole, scored as biaxial eval does\n"
    "                          (the figure in brackets is then the benchmark's NLL per frame)\n"
    "  --resume                continue from MODEL.pt.ckpt exactly where it stopped\n"
    "  --init MODEL.pt         start from another model's weights (fine-tuning)\n"
    "  --device D              auto (default), cpu or cuda\n"
    "  --optimizer O           adadelta (default, the original's) or adam\n"
    "  --lr X                  learning rate (default: adadelta 1.0, adam 0.001)\n"
    "  --clip X                per-parameter gradient norm clip (default 5, the original's; 0 = off)\n"
    "  --valid-fraction F      pieces held out for validation (default 0.1)\n"
    "  --valid-every N         batches between validations (default 100)\n"
    "  --checkpoint-every N    batches between checkpoints (default 500)\n"
    "  --sample-every N        batches between sample MIDI files (default 500, 0 = none)\n"
    "  --samples DIR           folder for the sample MIDI files (default: beside MODEL.pt)\n"
    "  --log-every N           batches between log lines (default 100)\n"
    "  --seed S                random seed (default 1)\n"
    "  --low-pitch P --notes N pitch range (default 24 and 78; 21 and 88 with --dataset)\n"
    "  --pedal                 extend notes held by the sustain pedal\n"
    "  --no-cache              parse every MIDI file again instead of reusing the corpus cache\n"
    "                          (~/.cache/biaxial-studio; unchanged files are not parsed twice)\n"
    "  --zero-output-bias      start the output biases at 0 like the original (default: the data's\n"
    "                          log-odds, which avoids a long plateau at the marginal entropy)\n"
    "  --meta KEY=VALUE        a model-card entry (repeatable as KEY=VALUE;KEY=VALUE)\n"
    "\n"
    "Data-parallel training (PyTorch's c10d, Gloo): each of N processes trains on its share of\n"
    "every batch (--batch must divide by N) and the gradients are summed, so N processes train\n"
    "the one-process model of the same batch. Rank 0 alone prints and writes the files.\n"
    "  --nproc N               start N processes on this machine (no Python needed); the cores are\n"
    "                          shared out as each rank's threads\n"
    "  torchrun --no-python --nnodes M --nproc-per-node N biaxial train ...   across machines:\n"
    "                          the ranks read RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT (and\n"
    "                          TORCHELASTIC_USE_AGENT_STORE); every machine needs the corpus and,\n"
    "                          to resume, the checkpoint. BIAXIAL_DIST_TIMEOUT (seconds, default\n"
    "                          120): how long a rank waits for the others before it stops";

int run(const std::vector<std::string>& args) {
    using biaxial::cli::ArgParser;
    ArgParser p(
        {"corpus",
         "dataset",
         "out",
         "steps",
         "size",
         "batch",
         "segment",
         "init",
         "device",
         "optimizer",
         "lr",
         "clip",
         "valid-fraction",
         "valid-every",
         "checkpoint-every",
         "sample-every",
         "log-every",
         "seed",
         "samples",
         "low-pitch",
         "notes",
         "meta",
         "align",
         "steps-per-bar",
         "valid-segments",
         "transpose",
         "dropout",
         "time-sizes",
         "note-sizes",
         "weight-average",
         "time-limit",
         "hold-out-like",
         "nproc"},
        {"resume", "pedal", "zero-output-bias", "keep-best", "bf16", "lead-in", "valid-whole", "no-cache"});
    if (!p.parse(args)) {
        std::fprintf(stderr, "biaxial train: %s\n%s\n", p.error().c_str(), kUsage);
        return 2;
    }
    if (p.get("out").empty() || (p.get("corpus").empty() == p.get("dataset").empty())) {
        std::fprintf(stderr, "biaxial train: needs --out and exactly one of --corpus or --dataset\n%s\n",
                     kUsage);
        return 2;
    }
    std::string envError;
    const auto parallel = biaxial::DataParallelConfig::fromEnvironment(&envError);
    if (!parallel) {
        std::fprintf(stderr, "biaxial train: %s\n", envError.c_str());
        return 2;
    }
    if (p.has("nproc")) {
        const int n = p.getInt("nproc", 1);
        if (n < 1 || n > 256 || !p.error().empty()) {
            std::fprintf(stderr, "biaxial train: --nproc '%s' must be a number of processes (1..256)\n",
                         p.get("nproc").c_str());
            return 2;
        }
        if (parallel->distributed()) {
            std::fprintf(
                stderr,
                "biaxial train: --nproc inside a launched group (WORLD_SIZE=%d): let torchrun start the "
                "processes, or use --nproc alone\n",
                parallel->worldSize);
            return 2;
        }
        if (n > 1 && p.getInt("batch", 10) % n != 0) {
            std::fprintf(
                stderr,
                "biaxial train: a batch of %d segments does not divide among %d processes: choose --batch "
                "as a multiple of %d\n",
                p.getInt("batch", 10), n, n);
            return 2;
        }
        if (n > 1) {
            std::vector<std::string> rankArgs{"train"};
            for (std::size_t i = 0; i < args.size(); ++i) {
                if (args[i] == "--nproc") {
                    ++i;
                    continue;
                }
                if (args[i].rfind("--nproc=", 0) == 0)
                    continue;
                rankArgs.push_back(args[i]);
            }
            return biaxial::cli::RankLauncher::run(n, rankArgs, parallel->timeoutSeconds);
        }
    }
    // The other ranks work silently: rank 0 speaks for the group (errors still go to stderr).
    if (parallel->rank > 0 && !std::freopen("/dev/null", "w", stdout))
        std::fprintf(stderr, "biaxial train: rank %d cannot silence its output\n", parallel->rank);
    const bool dataset = p.has("dataset");
    auto config = biaxial::ModelConfig::preset(p.get("size", "original"));
    if (!config) {
        std::fprintf(stderr, "biaxial train: unknown --size '%s' (original, small or tiny)\n",
                     p.get("size").c_str());
        return 2;
    }
    config->lowPitch = p.getInt("low-pitch", dataset ? 21 : 24);
    config->numNotes = p.getInt("notes", dataset ? 88 : 78);
    config->stepsPerBar = p.getInt("steps-per-bar", 0);
    config->dropout = p.getDouble("dropout", config->dropout);
    for (const auto& [option, sizes] :
         {std::pair{"time-sizes", &config->timeSizes}, std::pair{"note-sizes", &config->noteSizes}}) {
        if (!p.has(option))
            continue;
        auto parsed = biaxial::ModelConfig::parseLayerSizes(p.get(option));
        if (!parsed) {
            std::fprintf(stderr, "biaxial train: --%s '%s' is not a list of layer sizes like 128,128\n",
                         option, p.get(option).c_str());
            return 2;
        }
        *sizes = *parsed;
    }
    biaxial::TrainingOptions o;
    o.parallel = *parallel;
    o.outputPath = p.get("out");
    o.resume = p.has("resume");
    o.initFrom = p.get("init");
    o.steps = p.getInt("steps", 10000);
    o.timeLimitSeconds = p.getDouble("time-limit", 0.0);
    if (p.has("hold-out-like")) {
        std::string why;
        const auto info = biaxial::Model::readInfo(p.get("hold-out-like"), &why);
        if (!info) {
            std::fprintf(stderr, "biaxial train: %s\n", why.c_str());
            return 1;
        }
        o.validationNames = biaxial::Trainer::heldOutPieces(info->metadata);
        if (o.validationNames.empty()) {
            std::fprintf(stderr, "biaxial train: %s names no held-out pieces\n",
                         p.get("hold-out-like").c_str());
            return 1;
        }
    }
    if (o.timeLimitSeconds < 0) {
        std::fprintf(stderr, "biaxial train: --time-limit cannot be negative\n");
        return 2;
    }
    o.batchSize = p.getInt("batch", 10);
    o.segmentSteps = p.getInt("segment", 128);
    o.segmentAlign = p.getInt("align", 16);
    o.transpose = p.getInt("transpose", 0);
    o.keepBest = p.has("keep-best");
    o.leadIn = p.has("lead-in");
    o.validateWholePieces = p.has("valid-whole");
    o.weightAverage = p.getDouble("weight-average", 0.0);
    if (o.weightAverage < 0 || o.weightAverage >= 1) {
        std::fprintf(stderr,
                     "biaxial train: --weight-average %s must be in [0, 1) (0 = off; 0.999 averages over\n"
                     "about the last 1000 batches)\n",
                     p.get("weight-average").c_str());
        return 2;
    }
    o.bf16 = p.has("bf16");
    if (o.bf16 && !biaxial::Model::cpuBf16Fast())
        std::printf(
            "note: this CPU has no AVX-512 BF16 (or LibTorch no oneDNN): --bf16 will be slower than "
            "float32\n");
    o.validationSegments = p.getInt("valid-segments", 40);
    o.device = p.get("device", "auto");
    const std::string opt = p.get("optimizer", "adadelta");
    if (opt != "adadelta" && opt != "adam") {
        std::fprintf(stderr, "biaxial train: unknown --optimizer '%s' (adadelta or adam)\n", opt.c_str());
        return 2;
    }
    o.optimizer = opt == "adam" ? biaxial::OptimizerKind::Adam : biaxial::OptimizerKind::Adadelta;
    o.learningRate = p.getDouble("lr", 0.0);
    o.gradClip = p.getDouble("clip", 5.0);
    o.validationFraction = p.getDouble("valid-fraction", 0.1);
    o.validationEvery = p.getInt("valid-every", 100);
    if (o.segmentAlign < 1 || o.validationSegments < 1 || o.transpose < 0) {
        std::fprintf(
            stderr,
            "biaxial train: --align and --valid-segments must be at least 1, --transpose at least 0\n");
        return 2;
    }
    o.checkpointEvery = p.getInt("checkpoint-every", 500);
    o.sampleEvery = p.getInt("sample-every", 500);
    o.logEvery = p.getInt("log-every", 100);
    o.sampleFolder = p.get("samples");
    o.initOutputBiasFromData = !p.has("zero-output-bias");
    o.seed = static_cast<std::uint64_t>(p.getInt("seed", 1));
    if (!p.error().empty()) {
        std::fprintf(stderr, "biaxial train: %s\n", p.error().c_str());
        return 2;
    }
    for (const auto& item : p.getList("meta", ';'))
        if (auto eq = item.find('='); eq != std::string::npos)
            o.metadata[item.substr(0, eq)] = item.substr(eq + 1);
    // On resume (the checkpoint) or fine-tuning (--init) the file's configuration wins, as in
    // Trainer::run: read it before loading the data (pitch range) and for the summary line.
    if (o.resume || !o.initFrom.empty()) {
        std::string why;
        const std::string from = o.resume ? biaxial::Trainer::checkpointPathFor(o.outputPath) : o.initFrom;
        if (auto info = biaxial::Model::readInfo(from, &why))
            *config = info->config;
    }
    if (auto why = config->validate()) {
        std::fprintf(stderr, "biaxial train: %s\n", why->c_str());
        return 2;
    }

    std::vector<biaxial::TrainingPiece> pieces;
    if (dataset) {
        std::string why;
        auto ds =
            biaxial::DatasetReader::readFile(p.get("dataset"), config->lowPitch, config->numNotes, &why);
        if (!ds) {
            std::fprintf(stderr, "biaxial train: %s\n", why.c_str());
            return 1;
        }
        for (std::size_t i = 0; i < ds->train.size(); ++i)
            pieces.push_back({"train/" + std::to_string(i), ds->train[i]});
        for (std::size_t i = 0; i < ds->valid.size(); ++i) {
            pieces.push_back({"valid/" + std::to_string(i), ds->valid[i]});
            if (ds->valid[i].steps() >= o.segmentSteps)
                o.validationNames.push_back("valid/" + std::to_string(i));
        }
        std::printf(
            "dataset %s: %zu train, %zu valid, %zu test pieces; %lld pitches outside %d..%d dropped\n",
            p.get("dataset").c_str(), ds->train.size(), ds->valid.size(), ds->test.size(),
            static_cast<long long>(ds->droppedOutOfRange), config->lowPitch, config->highPitch());
        o.metadata.emplace("dataset", p.get("dataset"));
    } else {
        biaxial::CorpusScanOptions so;
        so.grid.lowPitch = config->lowPitch;
        so.grid.numNotes = config->numNotes;
        so.grid.extendWithSustainPedal = p.has("pedal");
        so.useCache = !p.has("no-cache");
        std::printf("scanning %s ...\n", p.get("corpus").c_str());
        std::fflush(stdout);
        auto corpus = biaxial::CorpusScanner::scan(p.get("corpus"), so);
        if (corpus.error) {
            std::fprintf(stderr, "biaxial train: %s\n", corpus.error->c_str());
            return 1;
        }
        std::map<std::string, int> reasons;
        for (const auto& e : corpus.entries)
            if (!e.loaded)
                ++reasons[e.reason];
        const auto summary = corpus.summary;
        if (so.useCache && summary.fromCache > 0)
            std::printf("%d of %zu files from the corpus cache\n", summary.fromCache, corpus.entries.size());
        if (!summary.cacheNote.empty())
            std::printf("note: %s\n", summary.cacheNote.c_str());
        pieces = biaxial::Trainer::piecesFromCorpus(std::move(corpus), p.get("corpus"));
        std::printf(
            "corpus: %d files loaded, %d skipped, %lld steps (%.1f hours at 120 BPM), %lld notes outside "
            "MIDI %d..%d dropped, %.1f s\n",
            summary.loaded, summary.skipped, static_cast<long long>(summary.totalSteps),
            static_cast<double>(summary.totalSteps) / 8.0 / 3600.0,
            static_cast<long long>(summary.droppedOutOfRange), config->lowPitch, config->highPitch(),
            summary.seconds);
        for (const auto& [why, n] : reasons)
            std::printf("  skipped %d: %s\n", n, why.c_str());
        o.metadata.emplace("corpus", p.get("corpus"));
    }
    // A lead-in frame makes every piece one step longer.
    const int usable = biaxial::Trainer::usablePieces(pieces, o.segmentSteps - (o.leadIn ? 1 : 0));
    std::printf("%d of %zu pieces are long enough for a %d-step segment\n", usable, pieces.size(),
                o.segmentSteps);
    if (pieces.empty()) {
        std::fprintf(stderr, "biaxial train: nothing to train on: no readable MIDI file (.mid/.midi) in %s\n",
                     p.get(dataset ? "dataset" : "corpus").c_str());
        return 1;
    }
    if (usable == 0) {
        std::fprintf(
            stderr,
            "biaxial train: nothing to train on: no piece has %d steps or more (try a smaller --segment)\n",
            o.segmentSteps);
        return 1;
    }
    std::printf("model: %s, %lld parameters; batch %d x %d steps; %s; device %s%s\n",
                config->describe().c_str(), static_cast<long long>(config->parameterCount()), o.batchSize,
                o.segmentSteps, opt.c_str(), o.device.c_str(), o.resume ? "; resuming" : "");
    std::fflush(stdout);

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const bool tty = isatty(fileno(stdout));
    auto result =
        biaxial::Trainer::run(*config, pieces, o, &gCancel, [&](const biaxial::TrainingProgress& r) {
            const int width = 30;
            const int filled = r.totalBatches > 0 ? static_cast<int>(width * r.batch / r.totalBatches) : 0;
            std::string bar(static_cast<std::size_t>(filled), '#');
            bar.resize(static_cast<std::size_t>(width), '.');
            char valid[64] = "";
            if (r.validLoss >= 0)
                std::snprintf(valid, sizeof valid, " valid %.4f (%.2f/step)", r.validLoss,
                              r.validLossPerStep);
            if (r.isLogPoint) {
                std::printf("%sbatch %lld/%lld [%s] train %.4f%s nats/note-step, %.3f batch/s, ETA %s%s%s\n",
                            tty ? "\r" : "", static_cast<long long>(r.batch),
                            static_cast<long long>(r.totalBatches), bar.c_str(), r.trainLoss, valid,
                            r.stepsPerSecond, duration(r.etaSeconds).c_str(), r.message.empty() ? "" : " | ",
                            r.message.c_str());
            } else if (tty) {
                std::printf("\rbatch %lld/%lld [%s] train %.4f, %.3f batch/s, ETA %s   ",
                            static_cast<long long>(r.batch), static_cast<long long>(r.totalBatches),
                            bar.c_str(), r.trainLoss, r.stepsPerSecond, duration(r.etaSeconds).c_str());
            }
            std::fflush(stdout);
        });
    if (result.cancelled) {
        std::printf("\nstopped at batch %lld; %s keeps the last checkpoint (resume with --resume)\n",
                    static_cast<long long>(result.batches), o.outputPath.c_str());
        return 130;
    }
    if (!result.ok) {
        if (parallel->distributed() && result.error.find("rank ") == std::string::npos)
            std::fprintf(stderr, "biaxial train (rank %d): %s\n", parallel->rank, result.error.c_str());
        else
            std::fprintf(stderr, "biaxial train: %s\n", result.error.c_str());
        return 1;
    }
    if (result.stoppedAtTimeLimit)
        std::printf("time limit reached (%s) at batch %lld of %lld; resume with --resume\n",
                    duration(o.timeLimitSeconds).c_str(), static_cast<long long>(result.batches),
                    static_cast<long long>(o.steps));
    std::printf("done: %lld batches in %s on %s; train %.4f, valid %.4f nats/note-step; wrote %s\n",
                static_cast<long long>(result.batches), duration(result.seconds).c_str(),
                result.device.c_str(), result.trainLoss, result.validLoss, o.outputPath.c_str());
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"train", "train the biaxial LSTM on a MIDI folder or a JSON dataset", kUsage, run}};

}  // namespace
