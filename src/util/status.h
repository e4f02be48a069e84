// Errors as values: a Status says what went wrong and where (file, line), and a
// Result<T> carries either a value or that Status. No exceptions cross a stage
// boundary; the CLI decides how to report.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "util/terminal.h"

namespace faultline {

class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Error(std::string reason, std::string file = {}, int64_t line = 0) {
    Status s;
    s.ok_ = false;
    s.reason_ = std::move(reason);
    s.file_ = std::move(file);
    s.line_ = line;
    return s;
  }

  // A problem that did not cost any data (a date left unparsed, the document kept): sinks
  // print it as a warning, and it does not make a run fail.
  static Status Warning(std::string reason, std::string file = {}, int64_t line = 0) {
    Status s = Error(std::move(reason), std::move(file), line);
    s.warning_ = true;
    return s;
  }

  bool ok() const { return ok_; }
  bool is_warning() const { return warning_; }
  const std::string& reason() const { return reason_; }
  const std::string& file() const { return file_; }
  int64_t line() const { return line_; }

  // Returns a copy naming `file` (and `line`) when the error has none yet.
  Status WithLocation(const std::string& file, int64_t line = 0) const {
    Status s = *this;
    if (s.file_.empty()) s.file_ = file;
    if (s.line_ == 0) s.line_ = line;
    return s;
  }

  // "file:line: reason", the one-line form printed on stderr. Control characters in the
  // file name or the reason (which may quote input) are escaped (util/terminal.h), so
  // the line stays one line and cannot drive the terminal.
  std::string ToString() const {
    if (ok_) return "ok";
    std::string out;
    if (!file_.empty()) {
      out += file_;
      // Appended piece by piece: g++ 12 warns (-Wrestrict, a false positive) about the
      // inlined temporary of `":" + std::to_string(line_)`.
      if (line_ > 0) {
        out += ':';
        out += std::to_string(line_);
      }
      out += ": ";
    }
    out += reason_;
    return EscapeForTerminal(out);
  }

 private:
  bool ok_ = true;
  bool warning_ = false;
  std::string reason_;
  std::string file_;
  int64_t line_ = 0;
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}     // NOLINT: must be an error

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace faultline
