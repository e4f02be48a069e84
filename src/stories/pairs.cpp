#include "stories/pairs.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "ingest/dates.h"

namespace faultline::stories {
namespace {

using nlohmann::json;

// A field that must be a string when present; "" when absent or null.
Result<std::string> StringField(const json& j, const char* key, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) return Status::Error(std::string("missing \"") + key + "\"");
    return std::string();
  }
  if (!it->is_string()) return Status::Error(std::string("\"") + key + "\" must be a string");
  return it->get<std::string>();
}

double Round(double x) { return std::round(x * 1e6) / 1e6; }

json Explain(const PairSignals& s, const PairScore& p) {
  json e;
  e["text"] = Round(s.text);
  e["lead"] = Round(s.lead);
  e["names"] = Round(s.names);
  e["numbers"] = Round(s.numbers);
  e["near"] = s.near ? json(Round(*s.near)) : json();
  e["days_apart"] = s.days_apart ? json(*s.days_apart) : json();
  e["min_words"] = s.min_words;
  e["linear"] = Round(p.linear);
  e["time_penalty"] = Round(p.time_penalty);
  e["near_copy"] = p.near_copy;
  e["shrunk"] = p.shrunk;
  return e;
}

}  // namespace

PairsRun ScorePairsJsonl(std::istream& in, const std::string& name, const StoryModel& model, bool explain,
                         std::ostream& out) {
  PairsRun run;
  std::string line;
  int64_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto fail = [&](const std::string& why) { run.errors.push_back(Status::Error(why, name, n)); };
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      fail("not a JSON object");
      continue;
    }
    if (!j.contains("id")) {
      fail("missing \"id\"");
      continue;
    }
    Result<std::string> fields[6] = {StringField(j, "text1", true),  StringField(j, "text2", true),
                                     StringField(j, "title1", false), StringField(j, "title2", false),
                                     StringField(j, "date1", false),  StringField(j, "date2", false)};
    bool bad = false;
    for (const auto& f : fields)
      if (!f.ok() && !bad) {
        fail(f.status().reason());
        bad = true;
      }
    if (bad) continue;
    const StoryProfile a = model.Profile(*fields[2], *fields[0], NormalizeDate(*fields[4]));
    const StoryProfile b = model.Profile(*fields[3], *fields[1], NormalizeDate(*fields[5]));
    const PairSignals signals = CompareProfiles(a, b);
    const PairScore score = ScorePair(signals, model.config());
    json o;
    o["id"] = j["id"];
    o["score"] = Round(score.score);
    if (explain) o["explain"] = Explain(signals, score);
    out << o.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    ++run.pairs;
  }
  return run;
}

}  // namespace faultline::stories
