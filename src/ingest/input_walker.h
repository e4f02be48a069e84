// Turning PATH... arguments into the files to read: files as given, "-" for stdin,
// directories recursively in name order. Symbolic links are followed, but a link back
// into a directory being walked (a loop) is reported and not entered.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace faultline {

// Calls `on_file` for each file, in order. Inside directories, names starting with
// "." (".git", ".DS_Store") are skipped; a path given explicitly is always read.
// Missing paths, unreadable directories and loops go to `on_error`.
void WalkInputs(const std::vector<std::string>& paths,
                const std::function<void(const std::string& file)>& on_file,
                const ErrorSink& on_error);

}  // namespace faultline
