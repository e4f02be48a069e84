// What a matched literal stands for, shared by the matcher (recognizer.cpp) and the
// context rules (resolver.cpp). Internal to src/actors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/knowledge_base.h"
#include "actors/mention.h"
#include "util/deadline.h"

namespace faultline {

enum class AliasKind : uint8_t {
  kName,        // a state's or organisation's name (index: actor)
  kAdjective,   // "French" (index: actor)
  kDemonym,     // "the Russians" (index: actor)
  kMetonym,     // "the Kremlin", capitals (index: actor)
  kGroup,       // "the Baltic states" (index: group)
  kPerson,      // a person's name or alias (index: person)
  kRole,        // a role noun (index: role)
  kPair,        // "the two leaders"
  kReference,   // "the alliance": an organisation named elsewhere (index: reference)
  kDictionary,  // an imported PETRARCH/TABARI phrase (index: dictionary entry)
  kAgent,       // an agents-dictionary phrase, "government" [~GOV] (index: dictionary entry)
};

struct AliasTarget {
  AliasKind kind = AliasKind::kName;
  uint32_t index = 0;
  std::string alias;   // the alias as the knowledge base gives it (for the rule)
  bool stem = false;   // TABARI stem: no word boundary needed on the right
  bool check_caps = false;  // caseless literal that must look like a name in the text
  std::string fixed_actor;  // dictionary entries whose codes all map to one actor, any date
};

// One selected match: a span and everything its literal can stand for.
struct Candidate {
  size_t begin = 0;
  size_t end = 0;
  std::vector<const AliasTarget*> targets;  // owned by the recognizer's pattern table
  const AliasTarget* Find(AliasKind k) const {
    for (const AliasTarget* t : targets)
      if (t->kind == k) return t;
    return nullptr;
  }
};

struct ContextSets;

// The context rules: candidates (sorted, non-overlapping) -> mentions. `agents` (sorted,
// non-overlapping among themselves, free to overlap the candidates) complete the CAMEO
// code of the mentions they qualify (actors/agents.cpp). When `deadline` (null: none)
// runs out, no mentions; the deadline records the stage.
std::vector<Mention> ResolveMentions(const KnowledgeBase& kb, const ContextSets& sets,
                                     std::string_view text,
                                     std::string_view date,
                                     std::vector<Candidate> candidates,
                                     std::string_view site_actor = {},
                                     std::vector<Candidate> agents = {},
                                     Deadline* deadline = nullptr);

}  // namespace faultline
