#include "DataParallelGroup.h"

// Debian's LibTorch is built with Gloo (libtorch_cpu exports ProcessGroupGloo); its header
// is guarded by the build's macro, and the Gloo headers come from libgloo-dev.
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO 1
#endif
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <stdexcept>

namespace biaxial {

namespace {

constexpr std::int64_t kBucketBytes = 4 << 20;

std::string firstLine(std::string s) {
    if (auto nl = s.find('\n'); nl != std::string::npos)
        s.resize(nl);
    return s;
}

}  // namespace

DataParallelGroup::DataParallelGroup(const DataParallelConfig& config) : config_(config) {
    const auto timeout = std::chrono::milliseconds(static_cast<std::int64_t>(config.timeoutSeconds * 1000));
    try {
        c10d::TCPStoreOptions so;
        so.port = static_cast<std::uint16_t>(config.masterPort);
        so.isServer = !config.agentStore && config.rank == 0;
        so.numWorkers = config.agentStore ? c10::nullopt : c10::optional<std::size_t>(config.worldSize);
        so.waitWorkers = !config.agentStore;
        so.timeout = timeout;
        c10::intrusive_ptr<c10d::Store> tcp = c10::make_intrusive<c10d::TCPStore>(config.masterAddr, so);
        // torchrun's ranks keep each restart's keys apart, as PyTorch's env:// rendezvous does.
        store_ = tcp;
        if (config.agentStore)
            store_ = c10::make_intrusive<c10d::PrefixStore>(
                "/worker/attempt_" + std::to_string(config.restartCount), tcp);
    } catch (const std::exception& e) {
        if (!config.agentStore && config.rank == 0)
            throw std::runtime_error(
                describe() + ": the other ranks did not all arrive at " + config.masterEndpoint() +
                " within " + std::to_string(static_cast<int>(config.timeoutSeconds)) +
                " s (are they started, with the same WORLD_SIZE and MASTER_PORT?): " + firstLine(e.what()));
        throw std::runtime_error(
            describe() + ": cannot reach the group's store at " + config.masterEndpoint() + " within " +
            std::to_string(static_cast<int>(config.timeoutSeconds)) +
            " s (is rank 0 running, and MASTER_ADDR/MASTER_PORT right?): " + firstLine(e.what()));
    }
    try {
        auto options = c10d::ProcessGroupGloo::Options::create(timeout);
        if (!config.interface.empty())
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(config.interface));
        else if (config.masterAddr == "127.0.0.1" || config.masterAddr == "localhost")
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
        else
            options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        group_ = c10::make_intrusive<c10d::ProcessGroupGloo>(store_, config.rank, config.worldSize, options);
    } catch (const std::exception& e) {
        throw std::runtime_error(describe() + ": cannot join the Gloo group: " + firstLine(e.what()));
    }
}

DataParallelGroup::~DataParallelGroup() = default;

std::string DataParallelGroup::describe() const {
    return "rank " + std::to_string(config_.rank) + " of " + std::to_string(config_.worldSize) + " (master " +
           config_.masterEndpoint() + ")";
}

void DataParallelGroup::lost(const std::string& during, const std::exception& e) const {
    throw std::runtime_error(describe() + ": lost the group during " + during +
                             " (another rank ended, failed or stopped answering): " + firstLine(e.what()));
}

void DataParallelGroup::broadcast(const std::vector<torch::Tensor>& tensors) {
    torch::NoGradGuard noGrad;
    try {
        for (const auto& t : tensors) {
            std::vector<at::Tensor> one{t.detach().to(torch::kCPU).contiguous()};
            c10d::BroadcastOptions o;
            o.rootRank = 0;
            group_->broadcast(one, o)->wait();
            t.copy_(one[0]);
        }
    } catch (const std::exception& e) {
        lost("the broadcast of rank 0's weights", e);
    }
}

void DataParallelGroup::allReduceSum(const std::vector<torch::Tensor>& tensors) {
    torch::NoGradGuard noGrad;
    std::size_t i = 0;
    try {
        while (i < tensors.size()) {
            // One bucket: consecutive tensors up to kBucketBytes (at least one).
            std::size_t end = i;
            std::int64_t bytes = 0;
            std::vector<torch::Tensor> flat;
            while (end < tensors.size() && (end == i || bytes + tensors[end].nbytes() <= kBucketBytes)) {
                bytes += static_cast<std::int64_t>(tensors[end].nbytes());
                flat.push_back(tensors[end].detach().reshape(-1).to(torch::kCPU));
                ++end;
            }
            std::vector<at::Tensor> bucket{torch::cat(flat)};
            group_->allreduce(bucket)->wait();
            std::int64_t offset = 0;
            for (std::size_t k = i; k < end; ++k) {
                const std::int64_t n = tensors[k].numel();
                tensors[k].view(-1).copy_(bucket[0].slice(0, offset, offset + n));
                offset += n;
            }
            i = end;
        }
    } catch (const std::exception& e) {
        lost("the all-reduce of the gradients", e);
    }
}

std::vector<bool> DataParallelGroup::anyOf(const std::vector<bool>& mine) {
    auto flags = torch::zeros({static_cast<std::int64_t>(mine.size())});
    for (std::size_t i = 0; i < mine.size(); ++i)
        flags[static_cast<std::int64_t>(i)] = mine[i] ? 1.0f : 0.0f;
    std::vector<at::Tensor> one{flags};
    try {
        group_->allreduce(one)->wait();
    } catch (const std::exception& e) {
        lost("the agreement on when to stop", e);
    }
    std::vector<bool> any(mine.size());
    for (std::size_t i = 0; i < mine.size(); ++i)
        any[i] = one[0][static_cast<std::int64_t>(i)].item<float>() > 0.5f;
    return any;
}

std::string DataParallelGroup::agree(const std::string& what, const std::string& value) {
    try {
        store_->set(what + "/" + std::to_string(config_.rank),
                    std::vector<std::uint8_t>(value.begin(), value.end()));
        const auto first = store_->get(what + "/0");
        const std::string reference(first.begin(), first.end());
        for (int r = 1; r < config_.worldSize; ++r) {
            const auto v = store_->get(what + "/" + std::to_string(r));
            const std::string theirs(v.begin(), v.end());
            if (theirs != reference)
                return "rank " + std::to_string(r) + "'s " + what + " (" + theirs +
                       ") differs from rank 0's (" + reference + ")";
        }
    } catch (const std::exception& e) {
        lost("the comparison of the ranks' " + what, e);
    }
    return {};
}

void DataParallelGroup::publish(const std::string& key, const std::vector<std::uint8_t>& bytes) {
    try {
        store_->set(key, bytes);
    } catch (const std::exception& e) {
        lost("publishing " + key, e);
    }
}

std::vector<std::uint8_t> DataParallelGroup::fetch(const std::string& key) {
    try {
        return store_->get(key);
    } catch (const std::exception& e) {
        lost("fetching " + key, e);
    }
}

}  // namespace biaxial
