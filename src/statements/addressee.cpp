// Whom "you" stands for. In remarks by two leaders ("PRESIDENT X:  ... You've doubled
// your military aid to Ukraine") the host praises the guest's acts in the second person,
// and the guest the host's: the addressee is the other leader the title names, coded as
// that leader's state. Inside a quote, or when the turn names whom it addresses, a
// vocative name says who is meant ("Olaf, you have ..."). A generic "you" ("you know",
// "if you ..."), a "you" that could be more than one leader, a reporter's (once questions
// have begun) or a columnist's holds nothing. Separate because it reads the transcript's
// leaders and the sentence's vocatives, which no other pronoun needs.

#include "statements/sentence_analyzer.h"

namespace faultline {
namespace statements_internal {
namespace {

bool SharesActor(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    if (Contains(b, x)) return true;
  return false;
}

}  // namespace

// "you know", "you can't", "you have to", "if you ...": anyone, not the addressee.
bool SentenceAnalyzer::GenericYou(size_t t) const {
  const WordSet& after = lex_.generic_you_after();
  const std::string& w = toks_[t].norm;
  const std::string part = PronounPart(w);
  if (part.size() < w.size() && after.count(w.substr(part.size()))) return true;  // "you'd"
  if (t + 1 < toks_.size() && after.count(toks_[t + 1].norm)) return true;
  if (t + 2 < toks_.size() && after.count(toks_[t + 1].norm + " " + toks_[t + 2].norm)) return true;
  return t > 0 && lex_.generic_you_before().count(toks_[t - 1].norm) > 0;
}

Holder SentenceAnalyzer::Addressee(bool in_quote) const {
  if (in_quote) return speaker_.empty() ? Holder{} : Vocative(speaker_.actors);
  // outside quotes only a leader's turn in a transcript addresses anyone
  if (!st_.in_turn || st_.turn_audience || st_.turn_unknown) return Holder{};
  const std::vector<std::string>& speaker = st_.turn_speaker.empty() ? st_.voice.actors : st_.turn_speaker.actors;
  if (speaker.empty()) return Holder{};
  if (Holder h = Vocative(speaker); !h.empty()) return h;
  if (st_.audience_seen) return Holder{};
  return OtherLeader(speaker);
}

// A person named as a vocative in this sentence, of another state than the speaker's:
// before a comma at its start ("Olaf, you ..."), after a comma at its end ("..., Olaf."),
// or after "you," ("Thank you, Olaf, for ..."). Not a name between two commas elsewhere
// ("the minister, X, said"): that is an apposition.
Holder SentenceAnalyzer::Vocative(const std::vector<std::string>& speaker) const {
  for (size_t t = 0; t < toks_.size(); ++t) {
    if (toks_[t].mention < 0 || (t > 0 && toks_[t - 1].mention == toks_[t].mention)) continue;
    const Mention& m = ments_[toks_[t].mention];
    const size_t e = MentionEnd(t);
    size_t first = 0;  // the sentence's first word, past an opening quote mark
    while (first < toks_.size() && toks_[first].type == TokenType::kQuote) ++first;
    const bool comma_before = t > 0 && toks_[t - 1].norm == ",";
    const bool comma_after = e < toks_.size() && toks_[e].norm == ",";
    // the sentence's or the quote's end ("..., Olaf,” he said)
    const bool ends = e >= toks_.size() || toks_[e].norm == "." || toks_[e].norm == "!" ||
                      toks_[e].type == TokenType::kQuote ||
                      (comma_after && e + 1 < toks_.size() && toks_[e + 1].type == TokenType::kQuote);
    const bool after_you = comma_before && t >= 2 && lex_.second_person().count(toks_[t - 2].norm) > 0;
    const bool vocative = (t == first && comma_after) || (comma_before && ends) || (after_you && comma_after);
    if (!vocative || m.person.empty() || m.actors.empty() || SharesActor(m.actors, speaker)) continue;
    return Holder{m.actors, m.person, "vocative", m.cameo};
  }
  return Holder{};
}

// The one other leader of remarks whose title names them, or their one state when the
// others are all of it ("President X, President Y and Prime Minister Z of Poland"); none
// when two states could be meant.
Holder SentenceAnalyzer::OtherLeader(const std::vector<std::string>& speaker) const {
  Holder h;
  size_t people = 0;
  for (const TitlePerson& p : st_.voice.people) {
    if (SharesActor(p.actors, speaker)) continue;
    if (!h.empty() && h.actors != p.actors) return Holder{};
    if (h.empty() || h.person != p.person) ++people;
    h.actors = p.actors;
    h.person = p.person;
  }
  if (people > 1) h.person.clear();
  h.rule = "addressee";
  return h;
}

}  // namespace statements_internal
}  // namespace faultline
