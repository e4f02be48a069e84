// Transcript turns: a speaker's label at the start of a paragraph opens that speaker's
// turn, which lasts to the next label (DocState::in_turn). Separate because it reads the
// raw text of a paragraph's first line, not the sentence's tokens, once per paragraph.

#include "statements/transcript_turns.h"

#include <string>

namespace faultline {
namespace statements_internal {
namespace {

// The bytes of a space at `i`: 1 for a space or tab, 2 for a no-break space (U+00A0), which
// the White House's transcripts put after "Q" far more often than a plain space.
size_t SpaceBytes(const std::string& text, size_t i) {
  if (i >= text.size()) return 0;
  if (text[i] == ' ' || text[i] == '\t') return 1;
  if (i + 1 < text.size() && text[i] == '\xC2' && text[i + 1] == '\xA0') return 2;
  return 0;
}

// A label of a leader's title and a name the knowledge base does not know ("PRESIDENT
// Y:"): the guest the title names with that name ("President Guillermo Y of Ecuador") and
// that guest's state, or nobody, never the host or the site.
void UnknownLeaderTurn(const std::string& lower, const CueLexicon& lex, DocState* st) {
  size_t title = 0;
  for (const auto& t : lex.leader_titles())
    if (t.size() > title && lower.size() > t.size() + 1 && lower.compare(0, t.size(), t) == 0 && lower[t.size()] == ' ')
      title = t.size();
  if (title == 0) return;
  const std::string surname = lower.substr(lower.rfind(' ') + 1);
  st->turn_unknown = true;
  for (const auto& p : st->voice.people) {
    std::string name;
    for (char ch : p.person) name += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    const size_t at = name.rfind(surname);
    if (surname.empty() || at == std::string::npos || (at > 0 && name[at - 1] != ' ') ||
        (at + surname.size() < name.size() && name[at + surname.size()] != ' '))
      continue;
    st->turn_speaker = Holder{p.actors, p.person, {}, {}};
    st->turn_unknown = false;
    return;
  }
}

}  // namespace

void TranscriptTurn(const std::string& text, const SentenceInput& s, const CueLexicon& lex, DocState* st) {
  size_t b = s.span.begin;
  while (b < s.span.end && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n' || text[b] == '\r')) ++b;
  size_t e = b;
  bool upper = false;
  // "Q    What did you ...", "Q\u00a0\u00a0 Thanks ...": the question mark of transcripts, a
  // lone "Q" before spaces, needs no colon (the scan below would stop at the question's words)
  const bool bare_q = text[b] == 'Q' && SpaceBytes(text, b + 1) > 0;
  if (bare_q) e = b + 1;
  while (!bare_q && e < s.span.end && e < b + 60) {
    const unsigned char ch = static_cast<unsigned char>(text[e]);
    if (const size_t sp = SpaceBytes(text, e); sp == 2) {
      e += sp;
      continue;
    }
    if (ch >= 'a' && ch <= 'z') return;
    if (ch >= 'A' && ch <= 'Z') upper = true;
    else if (!(ch == ' ' || ch == '.' || ch == '\'' || ch == '-' || ch >= 0x80)) break;
    ++e;
  }
  if (!(upper || bare_q) || e >= s.span.end) return;
  std::string label = text.substr(b, e - b);
  while (!label.empty() && (label.back() == ' ' || label.back() == '.')) label.pop_back();
  const bool colon = text[e] == ':';
  if (!colon && !bare_q) return;
  if (label.size() < 1) return;
  std::string lower;
  for (char ch : label) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  st->in_turn = true;
  st->turn_audience = lex.transcript_audience().count(lower) > 0;
  st->turn_speaker = Holder{};
  st->turn_unknown = false;
  if (st->turn_audience) {
    st->audience_seen = true;
    return;
  }
  for (const auto& m : s.mentions) {
    if (m.begin < b || m.end > e) continue;
    if (m.person.empty() || m.rule.rfind("coref", 0) == 0) continue;
    for (const auto& a : m.actors)
      if (!Contains(st->turn_speaker.actors, a)) st->turn_speaker.actors.push_back(a);
    st->turn_speaker.person = m.person;
  }
  if (st->turn_speaker.empty()) UnknownLeaderTurn(lower, lex, st);
}

}  // namespace statements_internal
}  // namespace faultline
