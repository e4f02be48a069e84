// Where faultline finds the data it ships (knowledge base, codebooks, cue lexicons,
// furniture and HTML rules, models): one search path for every loader, so that a
// build-tree binary, an installed one, a relocated install and the Python module all
// read the same kind of directory.
//
// The search, first hit wins:
//   1. $FAULTLINE_DATA, when set and not empty: the user's own data directory (a copy
//      of share/faultline to edit). It is taken as given; a missing directory is an error,
//      never a silent fall-back to the shipped data.
//   2. The install prefix, for a binary that is not running from its build tree:
//      first relative to the running executable or shared object (<prefix>/bin/faultline
//      and <prefix>/lib/python3*/.../faultline/_faultline*.so both lead to
//      <prefix>/share/faultline, so a package or a relocated prefix works), then the
//      prefix compiled in at configure time.
//   3. The source tree's data/ (the checkout the binary was built from).
// A build-tree binary skips step 2: a developer's edits to data/ apply at once even
// when an older install sits in /usr/local.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace faultline {

// The data directory, or an error that names every place looked at.
Result<std::string> DataDir();

// `relative` (e.g. "codebooks/security.yaml") inside DataDir(). When no data directory is
// found, the path it would have in the first place searched, so that the loader's own
// error names a concrete file.
std::string DataFile(std::string_view relative);

// The places DataDir() looks at, in order, with the reason each is there; for
// `faultline --version` style diagnostics and for tests.
struct DataCandidate {
  std::string path;
  std::string origin;  // "FAULTLINE_DATA", "install prefix (relative to ...)", "source tree"
};
std::vector<DataCandidate> DataSearchPath();

}  // namespace faultline
