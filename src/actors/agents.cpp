// Agents of PETRARCH/TABARI agents dictionaries ("government" [~GOV], "armed forces" [~MIL],
// "human rights body" [NGO~]). An agent names a kind of actor, not an actor: alone ("the
// police said") it is no mention at all. Qualified by a state it gives that state's CAMEO
// sub-state code: "the Egyptian government" is EGY with cameo EGYGOV, "the armed forces of
// Egypt" EGY with EGYMIL, "French President Emmanuel Macron" FRA with FRAGOV. The actor stays
// the state (maps and camps are about states); Mention::cameo carries the finer code.
// Actor-dictionary codes take precedence, as in PETRARCH: a mention whose entry already
// coded it (KARZAI [AFGGOV]) keeps that code.
#include "actors/resolver.h"

namespace faultline::actors_internal {

namespace {

// The mention that lies wholly over [b, e), or null. `out` is sorted by begin.
Mention* Covering(std::vector<Mention>* out, size_t b, size_t e) {
  for (Mention& m : *out) {
    if (m.begin > b) break;
    if (m.end >= e) return &m;
  }
  return nullptr;
}

}  // namespace

std::string Resolver::AgentCameo(const Mention& m, const std::string& agent) const {
  if (m.actors.size() != 1) return {};
  return CombineAgent(kb_.CameoFor(m.actors[0]), agent);
}

bool Resolver::QualifiesAgentLeft(const Mention& m, size_t agent_begin) const {
  if (m.kind == "person" || m.kind == "pronoun" || m.end > agent_begin) return false;
  size_t gap = m.end + scan::PossessiveAt(text_, m.end);
  if (OnlySpaces(gap, agent_begin)) return true;
  // "a senior Egyptian security official", "Egypt's top military": up to two modifiers.
  auto toks = scan::TokensAfter(text_, gap, 3);
  size_t k = 0;
  while (k < toks.size() && k < 2 && toks[k].end <= agent_begin && toks[k].word &&
         sets_.role_modifiers.Contains(toks[k].text))
    ++k;
  return k > 0 && OnlySpaces(gap, toks[0].begin) && OnlySpaces(toks[k - 1].end, agent_begin);
}

void Resolver::AttachAgents() {
  for (const Candidate& a : agents_) {
    const AliasTarget* t = a.Find(AliasKind::kAgent);
    if (t == nullptr) continue;
    const std::string agent = kb_.dictionary()[t->index].AgentCode();
    if (agent.empty()) continue;
    const std::string rule = "agent:" + agent;
    // Inside a mention the KB already composed: "the Egyptian government", "French
    // President Emmanuel Macron", "the president of France".
    if (Mention* host = Covering(&out_, a.begin, a.end)) {
      if (host->cameo.empty()) {
        host->cameo = AgentCameo(*host, agent);
        if (!host->cameo.empty()) host->rule += "+" + rule;
      }
      continue;
    }
    // Qualified on the left ("Egyptian police", "Egypt's armed forces") or by "of" on the
    // right ("the armed forces of Egypt"): the state's mention grows over the agent.
    Mention* qual = nullptr;
    for (Mention& m : out_) {
      if (m.begin >= a.begin) break;
      qual = &m;
    }
    if (qual != nullptr && !QualifiesAgentLeft(*qual, a.begin)) qual = nullptr;
    if (qual == nullptr) {
      auto toks = scan::TokensAfter(text_, a.end, 2);
      if (!toks.empty() && scan::EqualsIgnoreCase(toks[0].text, "of") && OnlySpaces(a.end, toks[0].begin)) {
        size_t from = toks[0].end;
        if (toks.size() > 1 && scan::EqualsIgnoreCase(toks[1].text, "the") && OnlySpaces(from, toks[1].begin))
          from = toks[1].end;
        for (Mention& m : out_) {
          if (m.begin < from) continue;
          if (OnlySpaces(from, m.begin) && m.kind != "person" && m.kind != "pronoun") qual = &m;
          break;
        }
      }
    }
    if (qual == nullptr) continue;
    const std::string cameo = AgentCameo(*qual, agent);
    if (cameo.empty()) continue;
    qual->begin = std::min(qual->begin, a.begin);
    qual->end = std::max(qual->end, a.end);
    qual->surface = Surface(qual->begin, qual->end);
    qual->kind = "agent";
    qual->role = scan::Lower(Surface(a.begin, a.end));
    qual->rule += "+" + rule;
    qual->cameo = cameo;
  }
}

}  // namespace faultline::actors_internal
