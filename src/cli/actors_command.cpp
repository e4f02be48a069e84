// `faultline actors PATH... [--format jsonl|text] [--actors FILE]... [--no-default-kb]`:
// every actor mention of every document, with offsets, surface, codes, person, role,
// kind and the rule that produced it.
#include <nlohmann/json.hpp>

#include <cctype>
#include <iostream>
#include <memory>
#include <sstream>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "cli/config_checks.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "map/names.h"
#include "report/escape.h"

namespace faultline::cli {

namespace {

struct ActorsOptions {
  InputOptions inputs;
  std::string format = "jsonl";
  std::vector<std::string> actor_files;
  bool no_default = false;
  std::string lookup;  // --lookup NAME: which code a name stands for, no documents read
};

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// Folded for comparison: lower case, letters and digits only.
std::string Fold(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(std::tolower(c));
  return out;
}

bool Matches(const std::string& folded_query, const std::vector<std::string>& words) {
  for (const auto& w : words) {
    const std::string f = Fold(w);
    if (!f.empty() && f.find(folded_query) != std::string::npos) return true;
  }
  return false;
}

// `actors --lookup NAME`: every actor, group and person whose code or a name contains
// NAME (any case), with the code to give --actor and `why`. Nothing found: the closest
// codes, exit 2.
int RunLookup(const ActorsOptions& o) {
  Result<KnowledgeBase> kb = o.no_default ? Result<KnowledgeBase>(KnowledgeBase()) : KnowledgeBase::LoadDefault();
  if (!kb.ok()) {
    std::cerr << "faultline actors: " << kb.status().ToString() << "\n";
    return 1;
  }
  for (const auto& f : o.actor_files) {
    Status s = kb->AddFile(f);
    if (!s.ok()) {
      std::cerr << "faultline actors: " << s.ToString() << "\n";
      return 1;
    }
  }
  const std::string q = Fold(o.lookup);
  std::vector<map::Choice> choices;
  size_t found = 0;
  auto show = [&](const std::string& code, const std::string& what, const std::string& name,
                  const std::string& more) {
    std::cout << report::OneLine(code, 20) << "\t" << what << "\t" << report::OneLine(name, 80);
    if (!more.empty()) std::cout << "\t" << report::OneLine(more, 200);
    std::cout << "\n";
    ++found;
  };
  for (const Actor& a : kb->actors()) {
    std::vector<std::string> words = a.names;
    for (const auto* v : {&a.historical, &a.adjectives, &a.demonyms}) words.insert(words.end(), v->begin(), v->end());
    choices.push_back(map::Choice{a.code, a.names.empty() ? "" : a.names.front(), words});
    if (q.empty() || Fold(a.code) == q || Matches(q, words))
      show(a.code, a.kind, a.names.empty() ? a.code : a.names.front(), "also: " + Join(words, ", "));
  }
  for (const Group& g : kb->groups()) {
    choices.push_back(map::Choice{g.code, g.names.empty() ? "" : g.names.front(), g.names});
    if (q.empty() || Fold(g.code) == q || Matches(q, g.names))
      show(g.code, g.vague ? "group" : "group of " + Join(g.members, " "),
           g.names.empty() ? g.code : g.names.front(), "");
  }
  for (const Person& p : kb->people()) {
    std::vector<std::string> words = p.aliases;
    words.push_back(p.name);
    if (q.empty() || !Matches(q, words)) continue;
    std::string roles;
    for (const RoleTerm& r : p.roles)
      roles += (roles.empty() ? "" : "; ") + r.actor + " " + (r.title.empty() ? r.role : r.title) + " " +
               (r.from.empty() ? "" : r.from) + ".." + (r.to.empty() ? "" : r.to);
    show(p.actor.empty() && !p.roles.empty() ? p.roles.front().actor : p.actor, "person", p.name, roles);
  }
  if (found > 0) return 0;
  Result<std::string> closest = map::ResolveChoice("actor", o.lookup, choices);
  std::cerr << "faultline actors: " << closest.status().reason() << "\n";
  return 2;
}

int Run(const ActorsOptions& o) {
  if (!o.lookup.empty()) return RunLookup(o);
  if (o.inputs.paths.empty() && o.inputs.db.empty()) {
    std::cerr << "faultline actors: give PATH... (or --lookup NAME)\n";
    return 2;
  }
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
      "actors",
      "List the actors (states, organisations, people, roles) each document mentions, or with\n"
      "--lookup the codes a name stands for (the code to give `map --actor` and `why`).\n"
      "Examples:\n"
      "  faultline actors corpus/ --format text\n"
      "  faultline actors --lookup Poland\n"
      "  faultline actors --lookup Scholz");
  AddInputOptions(cmd, &opts->inputs);
  cmd->add_option("--format", opts->format, "jsonl (default) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  cmd->add_option("--actors", opts->actor_files,
                  "extra knowledge: our YAML, or a PETRARCH / TABARI actor dictionary "
                  "(repeatable)")
      ->allow_extra_args(false)
      ->check(ActorFile());
  cmd->add_option("--lookup", opts->lookup,
                  "print every actor, group and person whose code or name contains NAME (code, kind, "
                  "name, other names) instead of reading documents; nothing found: the closest, exit 2");
  cmd->add_flag("--no-default-kb", opts->no_default,
                "do not load data/kb (only the context words of data/actors and --actors files)");
  cmd->callback([opts, exit_code] { *exit_code = Run(*opts); });
}

}  // namespace faultline::cli
