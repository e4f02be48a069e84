// Where tests find the project's files and the shared development material.
#pragma once

#include <string>

namespace faultline::testing {

// The source checkout (data/, examples/).
std::string SourceDir();
// The built `faultline` executable, for end-to-end tests.
std::string Binary();
// ../shared beside the checkout, or empty when it is absent. Override with FAULTLINE_SHARED.
std::string SharedDir();
// Runs the built binary with `args` (shell words) and returns its standard output (and
// standard error when `with_stderr`); *rc is the exit status.
std::string RunFaultline(const std::string& args, int* rc, bool with_stderr = false);

}  // namespace faultline::testing

// Skips the current test with a clear message when ../shared is absent.
#define FAULTLINE_REQUIRE_SHARED()                                                   \
  do {                                                                               \
    if (::faultline::testing::SharedDir().empty())                                   \
      GTEST_SKIP() << "../shared is absent (set FAULTLINE_SHARED to point at it)";   \
  } while (0)
