#include "RankLauncher.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <thread>

extern char** environ;

namespace biaxial::cli {

namespace {

// A TCP port nobody listens on now (the kernel's choice), for the rendezvous store.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 29500;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 29500;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

std::string statusText(int status) {
    if (WIFEXITED(status))
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    return "ended";
}

int exitCodeOf(int status) {
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}

}  // namespace

int RankLauncher::run(int ranks, const std::vector<std::string>& args, double timeoutSeconds) {
    const char* port = std::getenv("MASTER_PORT");
    const std::string masterPort = port && *port ? port : std::to_string(freePort());
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::string threads = std::to_string(std::max(1u, cores / static_cast<unsigned>(ranks)));

    std::vector<std::string> argStrings{"biaxial"};
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    std::map<pid_t, int> running;  // pid -> rank
    for (int r = 0; r < ranks; ++r) {
        const pid_t pid = ::fork();
        if (pid < 0) {
            std::fprintf(stderr, "biaxial train: cannot start rank %d: %s\n", r, std::strerror(errno));
            for (const auto& [p, rank] : running)
                ::kill(p, SIGTERM);
            return 1;
        }
        if (pid == 0) {
            ::setenv("RANK", std::to_string(r).c_str(), 1);
            ::setenv("LOCAL_RANK", std::to_string(r).c_str(), 1);
            ::setenv("WORLD_SIZE", std::to_string(ranks).c_str(), 1);
            ::setenv("LOCAL_WORLD_SIZE", std::to_string(ranks).c_str(), 1);
            ::setenv("MASTER_ADDR", "127.0.0.1", 1);
            ::setenv("MASTER_PORT", masterPort.c_str(), 1);
            ::setenv("BIAXIAL_TORCH_THREADS", threads.c_str(), 0);
            ::setenv("OPENBLAS_NUM_THREADS", threads.c_str(), 0);
            std::vector<char*> argv;
            for (auto& a : argStrings)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execve("/proc/self/exe", argv.data(), environ);
            std::fprintf(stderr, "biaxial train: rank %d cannot run /proc/self/exe: %s\n", r,
                         std::strerror(errno));
            std::_Exit(127);
        }
        running[pid] = r;
    }
    std::printf("biaxial train: %d ranks on 127.0.0.1:%s, %s thread(s) each; rank 0 reports\n", ranks,
                masterPort.c_str(), threads.c_str());
    std::fflush(stdout);

    // Ctrl-C reaches the ranks directly (same process group); the launcher only waits.
    ::signal(SIGINT, SIG_IGN);
    int result = 0;
    bool failed = false;
    auto deadline = std::chrono::steady_clock::time_point::max();
    while (!running.empty()) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, failed ? WNOHANG : 0);
        if (pid > 0) {
            const int rank = running[pid];
            running.erase(pid);
            const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
            const bool interrupted = WIFEXITED(status) && WEXITSTATUS(status) == 130;  // Ctrl-C: all stop
            if (interrupted) {
                if (result == 0)
                    result = 130;
            } else if (!ok && !failed) {
                failed = true;
                result = exitCodeOf(status);
                std::fprintf(stderr,
                             "biaxial train: rank %d (pid %d) %s; the other ranks stop within %.0f s\n", rank,
                             static_cast<int>(pid), statusText(status).c_str(), timeoutSeconds);
                deadline = std::chrono::steady_clock::now() +
                           std::chrono::milliseconds(static_cast<long>(timeoutSeconds * 1000));
            } else if (!ok && result == 0) {
                result = exitCodeOf(status);
            }
            continue;
        }
        if (pid < 0)
            break;
        if (std::chrono::steady_clock::now() >= deadline) {
            for (const auto& [p, rank] : running) {
                std::fprintf(stderr, "biaxial train: rank %d (pid %d) did not stop; terminating it\n", rank,
                             static_cast<int>(p));
                ::kill(p, SIGKILL);
            }
            deadline = std::chrono::steady_clock::time_point::max();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return result;
}

}  // namespace biaxial::cli
