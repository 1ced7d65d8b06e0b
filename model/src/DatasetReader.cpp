#include "biaxial/model/DatasetReader.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace biaxial {

namespace {

// A small strict JSON reader for exactly this layout; anything else is skipped or refused
// with the byte offset.
class Parser {
public:
    Parser(const std::string& text, const std::string& name) : s_(text), name_(name) {}

    bool parseTop(Dataset& out, int low, int numNotes) {
        low_ = low;
        n_ = numNotes;
        ws();
        if (!eat('{'))
            return fail("expected '{' at the start");
        ws();
        if (peek() == '}')
            return true;
        while (true) {
            ws();
            std::string key;
            if (!str(key))
                return false;
            ws();
            if (!eat(':'))
                return fail("expected ':' after a key");
            ws();
            std::vector<StepGrid>* target = key == "train"   ? &out.train
                                            : key == "valid" ? &out.valid
                                            : key == "test"  ? &out.test
                                                             : nullptr;
            if (target) {
                if (!pieces(*target, out))
                    return false;
            } else if (!skip()) {
                return false;
            }
            ws();
            if (eat(','))
                continue;
            if (eat('}'))
                break;
            return fail("expected ',' or '}'");
        }
        ws();
        if (i_ != s_.size())
            return fail("unexpected text after the end");
        return true;
    }

    std::string error;

private:
    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
    bool eat(char c) {
        if (peek() != c)
            return false;
        ++i_;
        return true;
    }
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
            ++i_;
    }
    bool fail(const std::string& why) {
        error = name_ + ": byte " + std::to_string(i_) + ": " + why;
        return false;
    }
    bool str(std::string& out) {
        if (!eat('"'))
            return fail("expected a string");
        while (i_ < s_.size() && s_[i_] != '"') {
            if (s_[i_] == '\\')
                ++i_;
            if (i_ < s_.size())
                out += s_[i_++];
        }
        if (!eat('"'))
            return fail("unterminated string");
        return true;
    }
    bool number(double& v) {
        const char* start = s_.c_str() + i_;
        char* end = nullptr;
        v = std::strtod(start, &end);
        if (end == start)
            return fail("expected a number");
        i_ += static_cast<std::size_t>(end - start);
        return true;
    }
    bool skip() {
        ws();
        const char c = peek();
        if (c == '"') {
            std::string tmp;
            return str(tmp);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++i_;
            ws();
            if (eat(close))
                return true;
            while (true) {
                ws();
                if (c == '{') {
                    std::string k;
                    if (!str(k))
                        return false;
                    ws();
                    if (!eat(':'))
                        return fail("expected ':'");
                }
                if (!skip())
                    return false;
                ws();
                if (eat(','))
                    continue;
                if (eat(close))
                    return true;
                return fail("expected ',' or a closing bracket");
            }
        }
        if (s_.compare(i_, 4, "true") == 0 || s_.compare(i_, 4, "null") == 0) {
            i_ += 4;
            return true;
        }
        if (s_.compare(i_, 5, "false") == 0) {
            i_ += 5;
            return true;
        }
        double v;
        return number(v);
    }
    // [[frame...]...] where a frame is [pitch...].
    bool pieces(std::vector<StepGrid>& out, Dataset& ds) {
        if (!eat('['))
            return fail("expected a list of pieces");
        ws();
        if (eat(']'))
            return true;
        while (true) {
            ws();
            std::vector<std::vector<int>> frames;
            if (!eat('['))
                return fail("expected a piece (a list of frames)");
            ws();
            if (!eat(']')) {
                while (true) {
                    ws();
                    if (!eat('['))
                        return fail("expected a frame (a list of pitches)");
                    std::vector<int> frame;
                    ws();
                    if (!eat(']')) {
                        while (true) {
                            ws();
                            double v;
                            if (!number(v))
                                return false;
                            if (!std::isfinite(v) || v < 0 || v > 127)
                                return fail("pitch out of range 0..127");
                            frame.push_back(static_cast<int>(std::lround(v)));
                            ws();
                            if (eat(','))
                                continue;
                            if (eat(']'))
                                break;
                            return fail("expected ',' or ']' in a frame");
                        }
                    }
                    frames.push_back(std::move(frame));
                    ws();
                    if (eat(','))
                        continue;
                    if (eat(']'))
                        break;
                    return fail("expected ',' or ']' in a piece");
                }
            }
            StepGrid g(static_cast<int>(frames.size()), low_, n_);
            for (std::size_t t = 0; t < frames.size(); ++t) {
                g.setBarPosition(static_cast<int>(t), static_cast<int>(t % 16));
                for (int p : frames[t]) {
                    const int note = p - low_;
                    if (note < 0 || note >= n_) {
                        ++ds.droppedOutOfRange;
                        continue;
                    }
                    // Frames carry no articulation: a note is struck where it was silent before.
                    const bool before = t > 0 && g.play(static_cast<int>(t - 1), note);
                    g.set(static_cast<int>(t), note, true, !before);
                }
            }
            out.push_back(std::move(g));
            ws();
            if (eat(','))
                continue;
            if (eat(']'))
                return true;
            return fail("expected ',' or ']' after a piece");
        }
    }

    const std::string& s_;
    std::string name_;
    std::size_t i_ = 0;
    int low_ = 21, n_ = 88;
};

}  // namespace

std::optional<Dataset> DatasetReader::parse(const std::string& text, const std::string& name, int lowPitch,
                                            int numNotes, std::string* error) {
    Dataset ds;
    Parser p(text, name);
    if (!p.parseTop(ds, lowPitch, numNotes)) {
        if (error)
            *error = p.error;
        return std::nullopt;
    }
    return ds;
}

std::optional<Dataset> DatasetReader::readFile(const std::string& path, int lowPitch, int numNotes,
                                               std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error)
            *error = path + ": cannot open the file";
        return std::nullopt;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    return parse(buf.str(), path, lowPitch, numNotes, error);
}

}  // namespace biaxial
