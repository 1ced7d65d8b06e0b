#include "TorchRuntime.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>

namespace biaxial {

void TorchRuntime::configureOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        int threads = 1;
        if (const char* env = std::getenv("BIAXIAL_TORCH_THREADS")) {
            const int v = std::atoi(env);
            if (v > 0)
                threads = v;
        }
        torch::set_num_threads(threads);
        // Debian's LibTorch multiplies float32 through OpenBLAS, which starts a spinning thread
        // per core. On this model's small products two threads are slower than one (training
        // 0.41 against 0.52 batch/s on 2 cores), and with another process on a core (a training
        // run beside the studio) Continue took 0.79 s instead of 0.16 s for 8 bars. So OpenBLAS
        // gets the same threads as Torch unless OPENBLAS_NUM_THREADS says otherwise.
        if (std::getenv("OPENBLAS_NUM_THREADS") == nullptr && std::getenv("OMP_NUM_THREADS") == nullptr) {
            using SetThreads = void (*)(int);
            if (auto set = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
                set(threads);
        }
        // Denormal floats (tiny LSTM gradients late in training) are 100x slower on x86.
        at::globalContext().setFlushDenormal(true);
    });
}

std::optional<torch::Device> TorchRuntime::resolveDevice(const std::string& name, std::string* error) {
    configureOnce();
    if (name.empty() || name == "auto") {
        if (torch::cuda::is_available())
            return torch::Device(torch::kCUDA);
        return torch::Device(torch::kCPU);
    }
    if (name == "cpu")
        return torch::Device(torch::kCPU);
    if (name.rfind("cuda", 0) == 0) {
        if (!torch::cuda::is_available()) {
            if (error)
                *error =
                    "device '" + name + "' is not available: this LibTorch has no CUDA or no GPU is present";
            return std::nullopt;
        }
        try {
            torch::Device d(name);
            if (d.has_index() && d.index() >= static_cast<int>(torch::cuda::device_count())) {
                if (error)
                    *error = "device '" + name + "' does not exist (" +
                             std::to_string(torch::cuda::device_count()) + " GPUs)";
                return std::nullopt;
            }
            return d;
        } catch (const std::exception&) {
        }
    }
    if (error)
        *error = "unknown device '" + name + "' (use auto, cpu or cuda)";
    return std::nullopt;
}

std::string TorchRuntime::deviceName(const torch::Device& device) {
    return device.str();
}

}  // namespace biaxial
