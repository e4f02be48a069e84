#include "map/names.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

namespace faultline::map {
namespace {

// Lower case, letters and digits only: "Central and Eastern-European" and
// "central and eastern european" compare equal.
std::string Fold(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(std::tolower(c));
  return out;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// How far `query` is from a word people might have meant: the edit distance, with a
// word that starts with the query (or contains it) counted as near.
size_t Distance(const std::string& query, const std::string& word) {
  if (word.empty()) return SIZE_MAX;
  if (word.rfind(query, 0) == 0) return 0;
  if (word.find(query) != std::string::npos) return 1;
  return EditDistance(query, word);
}

std::string Shown(const Choice& c) {
  return c.name.empty() || c.name == c.code ? c.code : c.code + " (" + c.name + ")";
}

}  // namespace

std::string Names::ActorName(const std::string& code) const {
  auto it = actors.find(code);
  return it == actors.end() ? std::string() : it->second;
}

std::string Names::IssueLabel(const std::string& id) const {
  auto it = issues.find(id);
  return it == issues.end() ? std::string() : it->second.label;
}

std::string Names::IssueProposition(const std::string& id) const {
  auto it = issues.find(id);
  return it == issues.end() ? std::string() : it->second.proposition;
}

std::string Names::ActorWithName(const std::string& code) const {
  std::string name = ActorName(code);
  return name.empty() || name == code ? code : code + " (" + name + ")";
}

std::string Names::IssueWithLabel(const std::string& id) const {
  std::string label = IssueLabel(id);
  return label.empty() || label == id ? id : id + " (" + label + ")";
}

Result<std::string> ResolveChoice(const std::string& what, const std::string& query,
                                  const std::vector<Choice>& choices) {
  for (const Choice& c : choices)
    if (c.code == query) return c.code;
  const std::string q = Fold(query);
  if (!q.empty()) {
    // Codes first, then names, then aliases: "us" is the code US before any name.
    for (const Choice& c : choices)
      if (Fold(c.code) == q) return c.code;
    for (const Choice& c : choices)
      if (Fold(c.name) == q) return c.code;
    for (const Choice& c : choices)
      for (const auto& a : c.aliases)
        if (Fold(a) == q) return c.code;
  }
  std::vector<std::pair<size_t, size_t>> ranked;  // distance, choice index
  for (size_t i = 0; i < choices.size(); ++i) {
    const Choice& c = choices[i];
    size_t best = std::min(Distance(q, Fold(c.code)), Distance(q, Fold(c.name)));
    for (const auto& a : c.aliases) best = std::min(best, Distance(q, Fold(a)));
    ranked.emplace_back(best, i);
  }
  std::stable_sort(ranked.begin(), ranked.end());
  std::string list;
  std::set<std::string> seen;
  for (const auto& [d, i] : ranked) {
    if (seen.size() == 5) break;
    if (!seen.insert(choices[i].code).second) continue;
    list += (list.empty() ? "" : ", ") + Shown(choices[i]);
  }
  std::string message = "unknown " + what + " \"" + query + "\"";
  message += list.empty() ? std::string(" (there are none to choose from)") : "; closest: " + list;
  return Status::Error(message);
}

std::vector<Choice> PlainChoices(const std::vector<std::string>& values) {
  std::vector<Choice> out;
  for (const auto& v : values) out.push_back(Choice{v, "", {}});
  return out;
}

void AddMissingChoices(const std::vector<std::string>& codes, std::vector<Choice>* choices) {
  std::set<std::string> have;
  for (const Choice& c : *choices) have.insert(c.code);
  for (const auto& code : codes)
    if (have.insert(code).second) choices->push_back(Choice{code, "", {}});
}

void AttributeToPeople(std::vector<Statement>* statements, Names* names) {
  std::map<std::string, std::string> spoke_for;  // person -> the actor of their first statement
  for (Statement& s : *statements) {
    if (s.person.empty()) continue;
    spoke_for.emplace(s.person, s.actor);
    s.actor = s.person;
  }
  std::vector<std::string> people;
  for (const auto& [person, actor] : spoke_for) {
    names->actors[person] = "for " + names->ActorWithName(actor);
    people.push_back(person);
  }
  AddMissingChoices(people, &names->actor_choices);
  for (Choice& c : names->actor_choices) {
    if (!spoke_for.count(c.code)) continue;
    c.name = names->actors[c.code];
    // People are asked for by surname as often as by full name: "Scholz".
    const size_t space = c.code.find_last_of(' ');
    if (space != std::string::npos && space + 1 < c.code.size()) c.aliases.push_back(c.code.substr(space + 1));
  }
}

}  // namespace faultline::map
