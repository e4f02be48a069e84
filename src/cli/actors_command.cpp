// `faultline actors PATH... [--format jsonl|text] [--actors FILE]... [--no-default-kb]`:
// every actor mention of every document, with offsets, surface, codes, person, role,
// kind and the rule that produced it.
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <sstream>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "cli/config_checks.h"
#include "cli/commands.h"
#include "cli/inputs.h"

namespace faultline::cli {

namespace {

struct ActorsOptions {
  InputOptions inputs;
  std::string format = "jsonl";
  std::vector<std::string> actor_files;
  bool no_default = false;
};

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

int Run(const ActorsOptions& o) {
  auto recognizer = BuildRecognizer(o.actor_files, !o.no_default);
  if (!recognizer.ok()) {
    std::cerr << "faultline actors: " << recognizer.status().ToString() << "\n";
    return 2;
  }
  const bool text = o.format == "text";
  // Recognition runs on the workers (the recognizer is shared read-only); each document's
  // lines go out in input order.
  auto format = [&](Document& doc) {
    std::ostringstream out;
    const auto mentions = recognizer->Recognize(doc);
    if (text) out << "# " << doc.file << (doc.date.empty() ? "" : " " + doc.date) << "\n";
    for (const auto& m : mentions) {
      if (text) {
        out << m.begin << "-" << m.end << "\t" << m.surface << "\t"
            << (m.actors.empty() ? "-" : Join(m.actors, ",")) << "\t" << m.kind;
        if (!m.person.empty()) out << "\tperson=" << m.person;
        if (!m.role.empty()) out << "\trole=" << m.role;
        if (!m.group.empty()) out << "\tgroup=" << m.group;
        if (!m.cameo.empty()) out << "\tcameo=" << m.cameo;
        out << "\t" << m.rule << (m.ambiguous ? "\tAMBIGUOUS" : "") << "\n";
        continue;
      }
      nlohmann::json j;
      j["doc"] = doc.id;
      j["begin"] = m.begin;
      j["end"] = m.end;
      j["surface"] = m.surface;
      j["actors"] = m.actors;
      if (!m.group.empty()) j["group"] = m.group;
      if (!m.person.empty()) j["person"] = m.person;
      if (!m.cameo.empty()) j["cameo"] = m.cameo;
      if (!m.role.empty()) j["role"] = m.role;
      j["kind"] = m.kind;
      j["rule"] = m.rule;
      if (m.ambiguous) j["ambiguous"] = true;
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return out.str();
  };
  const bool ok = ForEachInputDocumentParallel<std::string>(o.inputs, format,
                                                            [](std::string&& s) { std::cout << s; });
  return ok ? 0 : 1;
}

}  // namespace

void RegisterActors(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<ActorsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "actors", "List the actors (states, organisations, people, roles) each document mentions");
  AddInputOptions(cmd, &opts->inputs);
  cmd->add_option("--format", opts->format, "jsonl (default) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  cmd->add_option("--actors", opts->actor_files,
                  "extra knowledge: our YAML, or a PETRARCH / TABARI actor dictionary "
                  "(repeatable)")
      ->allow_extra_args(false)
      ->check(ActorFile());
  cmd->add_flag("--no-default-kb", opts->no_default,
                "do not load data/kb (only the context words of data/actors and --actors files)");
  cmd->callback([opts, exit_code] { *exit_code = Run(*opts); });
}

}  // namespace faultline::cli
