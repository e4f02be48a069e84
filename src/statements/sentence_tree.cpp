// The dependency tree's say in a sentence's statements: the tree is parsed on first use
// (Tree), vetoes a flat holder that it places in a target's role (TreeVetoes,
// clause_roles.h), and its clause rules (clause_rules.h) give statements to the actors the
// flat rules left without one (ApplyClauseRules, TreeHolder, TreeSource, RecipientFits).
// Separate because it is the only part that needs the parser.

#include "statements/sentence_analyzer.h"

#include "statements/clause_roles.h"
#include "util/ascii.h"

namespace faultline {
namespace statements_internal {

const syntax::ParsedSentence& SentenceAnalyzer::Tree() {
  if (!tree_) {
    tree_ = model_->Parse(doc_.text, static_cast<uint32_t>(span_.begin), static_cast<uint32_t>(span_.end));
    if (stats_ != nullptr) ++stats_->parsed_sentences;
  }
  return *tree_;
}

bool SentenceAnalyzer::TreeVetoes(const std::string& actor, const std::string& holder_rule) {
  // Only the rules that take a name for the agent by its place before the cue; the others
  // (speakers, possessors, camps, "criticized Germany for sending") choose it otherwise.
  static const WordSet kPositional = {"subject", "quote-subject", "reported-subject", "coordinated-verb",
                                      "participle", "relative"};
  if (model_ == nullptr || !kPositional.count(holder_rule)) return false;
  bool named = false;
  for (const Mention& m : ments_) {
    if (!Contains(m.actors, actor)) continue;
    named = true;
    if (RoleOf(Tree(), m.begin, m.end, lex_.target_cases()) != MentionRole::kTarget) return false;
  }
  return named;
}

bool SentenceAnalyzer::AntecedentModifiesNoun(const std::string& actor) {
  if (model_ == nullptr) return false;
  const syntax::ParsedSentence& tree = Tree();
  for (const Mention& m : ments_) {
    if (!Contains(m.actors, actor)) continue;
    // the mention's head word: the one whose head lies outside it
    int head = -1, next = -1;
    for (int i = 0; i < tree.size(); ++i) {
      const auto& t = tree.tokens[i];
      if (t.begin >= m.end) {
        next = i;
        break;
      }
      if (t.begin < m.begin || t.end > m.end) continue;
      const int h = t.head;
      if (head < 0 && (h < 0 || tree.tokens[h].begin < m.begin || tree.tokens[h].end > m.end)) head = i;
    }
    // followed by ", which" / ", who"
    if (head < 0 || next < 0 || next + 1 >= tree.size() || tree.tokens[next].form != "," ||
        !lex_.relative_pronouns().count(AsciiLower(tree.tokens[next + 1].form)))
      continue;
    const int gov = tree.tokens[head].head;
    if (tree.tokens[head].BaseRelation() == "nmod" && gov >= 0 && tree.tokens[gov].upos == syntax::Upos::kNoun)
      return true;
  }
  return false;
}

Holder SentenceAnalyzer::TreeHolder(const syntax::ParsedSentence& tree, const std::vector<int>& words) const {
  Holder h;
  h.rule = "tree";
  size_t named = 0;
  auto take = [&](const Mention& m) {
    for (const auto& a : m.actors)
      if (!Contains(h.actors, a)) h.actors.push_back(a);
    h.person = m.person;
    h.cameo = m.cameo;
    ++named;
  };
  for (int w : words) {
    const auto& t = tree.tokens[w];
    if (t.upos == syntax::Upos::kPron) {
      // "we", "they": whoever the flat rules resolve it to (speaker, voice, last holder)
      bool quoted = false;
      for (size_t k = 0; k < toks_.size(); ++k)
        if (toks_[k].begin == t.begin) quoted = k < in_quote_.size() && in_quote_[k];
      const std::string p = AsciiLower(t.form);
      // "it" and "they" are mostly things and crowds here; "he"/"she" take the person
      // named last before them in this sentence ("Biden made it clear that he ..."),
      // else the flat rules' choice, as "we" and "I" do. The actor stage's own reading of
      // the pronoun comes first ("Flynn, Trump's adviser, resigned after he ..." is Flynn's);
      // a person who speaks for no state gives it no holder.
      const bool person = lex_.person_pronouns().count(p) > 0;
      if (!person && !lex_.first_person().count(p)) continue;
      Holder r;
      bool person_found = false;
      if (person)
        for (const Mention& m : ments_) {
          const bool is_pronoun = m.begin <= t.begin && t.end <= m.end;
          if ((m.end <= t.begin || is_pronoun) && !m.person.empty()) {
            r = Holder{m.actors, m.person, "tree", m.cameo};
            person_found = true;
          }
          if (is_pronoun) break;
        }
      if (r.empty() && !person_found) r = ResolvePronoun(p, quoted);
      for (const auto& a : r.actors)
        if (!Contains(h.actors, a)) h.actors.push_back(a);
      if (!r.empty()) {
        h.person = r.person;
        ++named;
      }
      continue;
    }
    bool found = false;
    for (const Mention& m : ments_)
      if (t.begin >= m.begin && t.end <= m.end) {
        take(m);
        found = true;
        break;
      }
    if (found || t.upos != syntax::Upos::kNoun) continue;
    // "the Polish government": a common noun holds for the name that modifies it
    for (int c : tree.Children(w)) {
      const std::string_view r = tree.tokens[c].BaseRelation();
      if (r != "amod" && r != "compound" && tree.tokens[c].deprel != "nmod:poss") continue;
      for (const Mention& m : ments_)
        if (tree.tokens[c].begin >= m.begin && tree.tokens[c].end <= m.end) {
          take(m);
          break;
        }
    }
  }
  if (named != 1) {
    h.person.clear();
    h.cameo.clear();
  }
  return h;
}

std::string SentenceAnalyzer::TreeSource(const syntax::ParsedSentence& tree, const ClauseMatch& m) const {
  const int w = m.speaker;
  if (w < 0 || tree.tokens[w].upos == syntax::Upos::kPron) return {};
  if (std::find(m.holders.begin(), m.holders.end(), w) != m.holders.end()) return {};
  // the name with its own modifiers ("the Danish minister"), not its relative clauses
  int b = w, e = w;
  for (int c : tree.Children(w)) {
    const std::string_view r = tree.tokens[c].BaseRelation();
    if (r != "det" && r != "compound" && r != "flat" && r != "amod" && tree.tokens[c].deprel != "nmod:poss") continue;
    b = std::min(b, c);
    e = std::max(e, c);
  }
  size_t begin = tree.tokens[b].begin, end = tree.tokens[e].end;
  for (const Mention& mm : ments_)
    if (mm.begin <= tree.tokens[w].begin && tree.tokens[w].end <= mm.end) {
      begin = std::min(begin, mm.begin);
      end = std::max(end, mm.end);
    }
  return doc_.text.substr(begin, end - begin);
}

// "weapons to Ukraine", not "to the rebels" (a name that is none of the issue's targets):
// a case-marked nominal on the issue word or the predicate names the recipient.
bool SentenceAnalyzer::RecipientFits(const syntax::ParsedSentence& tree, const ClauseMatch& m, int issue) const {
  const std::vector<std::string>& targets = cb_.issues()[issue].target_actor;
  if (targets.empty()) return true;
  for (int at : {m.issue_word, m.predicate}) {
    for (int c : tree.Children(at)) {
      const std::string_view r = tree.tokens[c].BaseRelation();
      if (r != "obl" && r != "nmod") continue;
      const int cs = tree.FirstChild(c, "case");
      if (cs < 0) continue;
      const std::string& cl = tree.tokens[cs].lemma;
      if (!lex_.recipient_prepositions().count(cl)) continue;
      const auto range = tree.SubtreeRange(c);
      for (const Mention& mm : ments_) {
        if (mm.begin < tree.tokens[range.first].begin || mm.end > tree.tokens[range.last].end) continue;
        bool ok = false;
        for (const auto& a : mm.actors) ok |= Contains(targets, a);
        if (!ok) return false;
      }
    }
  }
  return true;
}

// The statement of one clause rule's match on one term of its issue word, unless the
// recipient or a denied sighting voids it, or the flat rules already hold it.
void SentenceAnalyzer::EmitClauseMatch(const syntax::ParsedSentence& tree, const ClauseMatch& m, const TermHit& term,
                                       std::string* trace) {
  const int stance = m.stance * term.polarity;
  if (!RecipientFits(tree, m, term.issue)) {
    if (trace != nullptr) *trace += "  tree rule " + m.rule->name + ": the recipient is not the issue's\n";
    return;
  }
  if (SightingDenied(term)) {
    if (trace != nullptr) *trace += "  tree rule " + m.rule->name + ": a denied sighting\n";
    return;
  }
  Holder h = TreeHolder(tree, m.holders);
  std::vector<std::string> keep;
  const std::vector<std::string>& targets = cb_.issues()[term.issue].target_actor;
  for (const auto& a : h.actors) {
    if (m.rule->holder_not_target && Contains(targets, a)) continue;
    bool covered = false;
    for (const auto& e : emitted_) covered |= e.first == a && e.second == term.issue;
    // a contrary statement already taken from the flat rules stands
    if (!covered && !seen_.count(std::make_tuple(a, term.issue, -stance))) keep.push_back(a);
  }
  h.actors = keep;
  if (h.actors.size() != 1) h.person.clear();
  // the trace is built only when asked for: this runs for every matched clause
  if (trace != nullptr)
    *trace += "  tree rule " + m.rule->name + " at '" + tree.tokens[m.predicate].form + "' -> " +
              cb_.issues()[term.issue].id + " " + std::to_string(stance) + " holders " +
              std::to_string(h.actors.size()) + "\n";
  if (h.empty()) return;
  // "Zelensky said that over the objections of X ...": the speaker reports X's statement
  Emit(h, term.issue, stance, tree.tokens[m.predicate].form, m.rule->name, TreeSource(tree, m));
}

void SentenceAnalyzer::ApplyClauseRules() {
  if (model_ == nullptr || clause_rules_ == nullptr || clause_rules_->rules.empty() || question_) return;
  bool has_term = false;
  for (const TermHit& t : terms_) has_term |= !t.proform && t.issue >= 0;
  // an actor the flat rules left, or a pronoun where they found nothing
  bool uncovered = false;
  if (emitted_.empty())
    for (const Token& t : toks_) uncovered |= lex_.pronouns().count(t.norm) > 0 || lex_.first_person().count(t.norm) > 0;
  for (const Mention& m : ments_)
    for (const auto& a : m.actors) {
      bool covered = false;
      for (const auto& e : emitted_) covered |= e.first == a;
      uncovered |= !covered;
    }
  if (!has_term || !uncovered) return;
  const syntax::ParsedSentence& tree = Tree();
  std::vector<char> is_issue(tree.size(), 0);
  std::vector<int> term_of(tree.size(), -1);
  for (size_t k = 0; k < terms_.size(); ++k) {
    const TermHit& t = terms_[k];
    if (t.proform || t.issue < 0) continue;
    // "cut off imports of Russian oil": a word that is an issue term only as the object of
    // an act ("only_objects" in the codebook) is that act's; other verbs on it say nothing
    if (t.act >= 0 && cb_.act(t.act).only_objects) continue;
    const int w = TreeWord(tree, t.b, t.e);
    if (w < 0 || t.listed) continue;  // a listed term is read with the term it shares a span with
    is_issue[w] = 1;
    term_of[w] = static_cast<int>(k);
  }
  std::string trace;
  const bool tracing = stats_ != nullptr && stats_->trace;
  for (const ClauseMatch& m : MatchClauseRules(*clause_rules_, tree, is_issue, nullptr, tracing ? &trace : nullptr)) {
    // the term on the issue word, and the terms a list of modifiers made on its span
    const TermHit& head = terms_[term_of[m.issue_word]];
    for (const TermHit& term : terms_)
      if (!term.proform && term.issue >= 0 && term.b == head.b && term.e == head.e)
        EmitClauseMatch(tree, m, term, tracing ? &trace : nullptr);
  }
  if (tracing) stats_->trace_text += trace;
}

}  // namespace statements_internal
}  // namespace faultline
