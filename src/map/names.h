// What codes stand for, for people: an actor code's name from the knowledge base
// ("POL" -> "Poland", "CEE" -> "Central and Eastern European countries") and an issue
// id's label and proposition from the codebook. The map carries one so that every writer
// can put the name next to the code, and so that filters can take either (ResolveChoice).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "statements/statement.h"
#include "util/status.h"

namespace faultline::map {

struct IssueText {
  std::string label;        // "Talks with Russia"
  std::string proposition;  // what a +1 stance supports
};

// One value a filter can take: its code, the name shown beside it, and other words
// people use for it (adjectives, other names).
struct Choice {
  std::string code;
  std::string name;
  std::vector<std::string> aliases;
};

struct Names {
  std::map<std::string, std::string> actors;  // code -> name
  std::map<std::string, IssueText> issues;    // id -> label and proposition
  std::vector<Choice> actor_choices;          // codes, names and aliases, for lookups
  std::vector<Choice> issue_choices;

  // The name of an actor code, or "" when the knowledge base does not know it.
  std::string ActorName(const std::string& code) const;
  // The label of an issue id, or "".
  std::string IssueLabel(const std::string& id) const;
  std::string IssueProposition(const std::string& id) const;
  // "POL (Poland)", or the code alone when it has no name (or the name is the code).
  std::string ActorWithName(const std::string& code) const;
  std::string IssueWithLabel(const std::string& id) const;
};

// What a user typed, resolved to one of `choices`: the code itself, or a name or alias,
// compared without regard to case, spaces or punctuation. An error otherwise, saying
// "unknown <what> \"...\"" and listing the closest valid values (at most five, by
// edit distance to codes, names and aliases).
Result<std::string> ResolveChoice(const std::string& what, const std::string& query,
                                  const std::vector<Choice>& choices);

// The choices for values seen only in data (outlets, codes absent from the knowledge
// base): each its own code and name.
std::vector<Choice> PlainChoices(const std::vector<std::string>& values);

// Adds a choice for every code in `codes` that `choices` lacks (statements coded with a
// dictionary the names were not loaded from).
void AddMissingChoices(const std::vector<std::string>& codes, std::vector<Choice>* choices);

// `map --by person`: a statement that names the person who spoke counts for that person
// (actor "Olaf Scholz") instead of the state or organisation they spoke for; the person
// is named after it ("for DEU (Germany)") and can be asked for by name.
void AttributeToPeople(std::vector<Statement>* statements, Names* names);

}  // namespace faultline::map
