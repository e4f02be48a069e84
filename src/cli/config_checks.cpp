#include "cli/config_checks.h"

#include <functional>
#include <string>

#include "actors/knowledge_base.h"
#include "ingest/sidecar.h"
#include "statements/codebook.h"
#include "stories/framing.h"
#include "stories/outlets.h"

namespace faultline::cli {
namespace {

// A validator that loads the file with `load`: CLI11 reports a non-empty string as a
// validation error (exit status 2).
CLI::Validator Loads(const char* what, std::function<Status(const std::string&)> load) {
  return CLI::Validator(
      [load = std::move(load)](std::string& path) -> std::string {
        Status s = load(path);
        return s.ok() ? std::string() : s.ToString();
      },
      /*validator_desc=*/"", what);
}

}  // namespace

CLI::Validator CodebookFile() {
  return Loads("CODEBOOK", [](const std::string& path) { return Codebook::Load(path).status(); });
}

CLI::Validator ActorFile() {
  return Loads("ACTOR_FILE", [](const std::string& path) {
    KnowledgeBase kb;
    return kb.AddFile(path);
  });
}

CLI::Validator MetadataFile() {
  return Loads("META", [](const std::string& path) {
    // Row-level problems are reported (once) when the run loads it.
    return Sidecar::Load(path, [](const Status&) {}).status();
  });
}

CLI::Validator OutletFile() {
  return Loads("OUTLETS", [](const std::string& path) { return stories::OutletList().AddFile(path); });
}

CLI::Validator FramingFile() {
  return Loads("FRAMING", [](const std::string& path) { return stories::FramingLexicon().AddFile(path); });
}

}  // namespace faultline::cli
