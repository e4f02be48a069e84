#include "actors/event_file_kind.h"

#include <sstream>
#include <string_view>

#include "util/ascii.h"

namespace faultline {

namespace {

// "010:0x1000" or "0211:0x2075#comment": a CAMEO code and its PICO code (PETRARCH's
// PETR.Internal.Coding.Ontology.txt).
bool IsPicoLine(std::string_view t) {
  size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  return digits >= 2 && t.substr(digits).starts_with(":0x");
}

}  // namespace

EventFileKind ClassifyEventFile(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  size_t entries = 0, coded = 0, agent_codes = 0, verb_lines = 0, code_lines = 0, option_lines = 0,
         project_lines = 0;
  bool first = true;
  while (std::getline(in, line)) {
    const std::string_view t = AsciiTrim(line);
    if (t.empty() || t[0] == '#' || t.starts_with("<!--")) continue;
    if (first) {
      first = false;
      if (t.find("eventtype_ID") != std::string_view::npos || t.find("goldstein") != std::string_view::npos ||
          t == "code\tlabel" || t.starts_with("//CAMEO"))
        return EventFileKind::kCodes;
    }
    if (t.starts_with("LABEL:") || IsPicoLine(t)) ++code_lines;
    if (t.starts_with("SET:") || t.starts_with("COMPLEX:") || t.starts_with("OUTPUT:") || t.starts_with("FORWARD:"))
      ++option_lines;
    if (t.starts_with("<actorsfile>") || t.starts_with("<verbsfile>") || t.starts_with("<agentsfile>") ||
        t.starts_with("<optionsfile>"))
      ++project_lines;
    if (t == "<SYNSETS>" || (t.starts_with("---") && t.size() > 6 && t.substr(t.size() - 3) == "---") ||
        t.starts_with("- *"))
      ++verb_lines;
    ++entries;
    const size_t open = t.find('[');
    if (open != std::string_view::npos && t.find(']', open) != std::string_view::npos) {
      ++coded;
      if (open + 1 < t.size() && (t[open + 1] == '~' || (t[open + 1] == ' ' && t.find('~', open) < t.find(']', open))))
        ++agent_codes;
    }
  }
  if (project_lines > 0) return EventFileKind::kProject;
  if (option_lines > 0) return EventFileKind::kOptions;
  if (code_lines > 0 && code_lines * 2 >= entries) return EventFileKind::kCodes;
  if (verb_lines >= 2) return EventFileKind::kVerbs;
  if (entries > 0 && coded == 0) return EventFileKind::kDiscards;
  if (coded > 0 && agent_codes * 2 > coded) return EventFileKind::kAgents;
  return EventFileKind::kActors;
}

std::string DescribeEventFileKind(EventFileKind kind) {
  switch (kind) {
    case EventFileKind::kActors: return "an actors dictionary";
    case EventFileKind::kAgents: return "an agents dictionary";
    case EventFileKind::kVerbs: return "a PETRARCH/TABARI verbs dictionary (event patterns, not actors)";
    case EventFileKind::kDiscards: return "a PETRARCH discards list (phrases that drop a story, no actor codes)";
    case EventFileKind::kCodes: return "a CAMEO event code list (event types, not actors)";
    case EventFileKind::kOptions: return "a TABARI options file (coding settings, not actors)";
    case EventFileKind::kProject:
      return "a TABARI project file (it names the dictionaries; pass its actors and agents files themselves)";
  }
  return "an unknown file";
}

}  // namespace faultline
