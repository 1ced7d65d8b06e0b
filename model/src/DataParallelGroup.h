#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "biaxial/model/DataParallelConfig.h"

namespace c10d {
class ProcessGroupGloo;
class Store;
}  // namespace c10d

namespace biaxial {

// One training process's membership of a data-parallel group on PyTorch's c10d: a TCP store
// for the rendezvous (hosted by rank 0, or by torchrun's agent) and a Gloo process group for
// the collectives. Gradients are all-reduced in flattened buckets (one collective per ~4 MiB
// instead of one per parameter). Every call is collective: all ranks make the same calls in
// the same order, or the group waits until its timeout.
//
// Failures throw std::runtime_error with a sentence naming this rank, the master's address
// and what happened (a peer that died, a master that cannot be reached, a timeout).
class DataParallelGroup {
public:
    explicit DataParallelGroup(const DataParallelConfig& config);
    ~DataParallelGroup();

    int rank() const { return config_.rank; }
    int size() const { return config_.worldSize; }
    // "rank 1 of 2 (master 127.0.0.1:29500)", for messages.
    std::string describe() const;

    // Rank 0's values into every rank's tensors, in place.
    void broadcast(const std::vector<torch::Tensor>& tensors);
    // Each tensor becomes the sum of its values over the ranks, in place (CPU or CUDA
    // tensors of one dtype; CUDA ones travel through host memory: Gloo here).
    void allReduceSum(const std::vector<torch::Tensor>& tensors);
    // Each flag true on every rank when it is true on any (a time limit, Ctrl-C): the ranks
    // stop at the same batch.
    std::vector<bool> anyOf(const std::vector<bool>& mine);
    // Every rank publishes `value` under `what`; returns "" when all ranks agree, else a
    // sentence naming the first rank whose value differs from rank 0's (both shown).
    std::string agree(const std::string& what, const std::string& value);
    // Point-to-point through the store (rare, small: random states for a checkpoint).
    void publish(const std::string& key, const std::vector<std::uint8_t>& bytes);
    std::vector<std::uint8_t> fetch(const std::string& key);

private:
    [[noreturn]] void lost(const std::string& during, const std::exception& e) const;

    DataParallelConfig config_;
    c10::intrusive_ptr<c10d::Store> store_;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group_;
};

}  // namespace biaxial
