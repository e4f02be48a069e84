// Configuration files named on the command line (codebooks, actor files, metadata
// sidecars, outlet lists, framing lexicons) are checked while the command line is parsed:
// a malformed one is a usage error, exit status 2, with one line naming the file, the
// line and the key, before any document is read. The run then loads them as before.
#pragma once

#include <CLI/CLI.hpp>

namespace faultline::cli {

CLI::Validator CodebookFile();
CLI::Validator ActorFile();
CLI::Validator MetadataFile();
CLI::Validator OutletFile();
CLI::Validator FramingFile();

}  // namespace faultline::cli
