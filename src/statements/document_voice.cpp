#include "statements/document_voice.h"

#include <algorithm>
#include <cctype>

#include "statements/tokens.h"
#include "text/segment.h"

namespace faultline {
namespace {

std::string LowerTitle(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

void AddActors(const Mention& m, std::vector<std::string>* out) {
  for (const auto& a : m.actors)
    if (std::find(out->begin(), out->end(), a) == out->end()) out->push_back(a);
}

// Where the first of `markers` ends in the lower-cased title, or npos.
size_t MarkerEnd(const std::string& title, const WordSet& markers) {
  size_t best = std::string::npos, end = 0;
  for (const auto& m : markers) {
    const size_t at = title.find(m);
    if (at == std::string::npos || (best != std::string::npos && at >= best)) continue;
    best = at;
    end = at + m.size();
  }
  return best == std::string::npos ? std::string::npos : end;
}

// The word right before a title mention ("on" in "Joint Statement on Russia's ...").
std::string WordBefore(const std::string& title, size_t at) {
  size_t e = at;
  while (e > 0 && title[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(title[b - 1]))) --b;
  return LowerTitle(title.substr(b, e - b));
}

// Signatories named by a joint title: every actor except those after a topic word
// ("Joint Statement of the United States and Japan", not "... on Russia's War").
std::vector<std::string> TitleSignatories(const Document& doc, const std::vector<Mention>& title_mentions,
                                          const CueLexicon& lex) {
  std::vector<std::string> out;
  for (const auto& m : title_mentions) {
    if (m.end > doc.title.size()) continue;
    if (lex.voice_topic_words().count(WordBefore(doc.title, m.begin))) continue;
    AddActors(m, &out);
  }
  return out;
}

// Signatories listed at the head of the first sentence: "We, the leaders of A, B, and
// C, condemn ..." or "The leaders of A and B met ...": the names before the first word
// that is neither a name nor a word of a subject phrase.
std::vector<std::string> OpeningSignatories(const Document& doc, const std::vector<Mention>& mentions,
                                            const CueLexicon& lex) {
  std::vector<std::string> out;
  const std::vector<Span> sentences = SplitSentences(doc.text);
  if (sentences.empty()) return out;
  const Span s = sentences.front();
  const std::vector<Token> toks = Tokenize(doc.text, s.begin, s.end);
  size_t m = 0;
  for (const Token& t : toks) {
    while (m < mentions.size() && mentions[m].end <= t.begin) ++m;
    const bool in_mention = m < mentions.size() && mentions[m].begin <= t.begin && t.end <= mentions[m].end;
    if (in_mention) {
      AddActors(mentions[m], &out);
      continue;
    }
    if (t.type != TokenType::kWord) continue;
    // "ministers" as well as "minister"
    const std::string singular = t.norm.size() > 3 && t.norm.back() == 's' ? t.norm.substr(0, t.norm.size() - 1) : "";
    if (lex.first_person().count(t.norm) || lex.subject_words().count(t.norm) || lex.subject_words().count(singular) ||
        t.capitalized)
      continue;
    break;
  }
  return out;
}

// The one person a speaker title names right after its marker ("Remarks by President
// X on ..."); none when the marker is followed by something else ("Statement of the
// President on the Summit and Call with President Y") or by two speakers ("Remarks by X
// and Y", a transcript whose turns say who speaks).
const Mention* TitleSpeaker(const Document& doc, const std::vector<Mention>& title_mentions, size_t after,
                            const CueLexicon& lex) {
  const Mention* speaker = nullptr;
  for (const auto& m : title_mentions) {
    if (m.begin < after || m.end > doc.title.size()) continue;
    if (speaker == nullptr) {
      // only title words may stand between ("by First Lady X"), no topic ("on ... with X")
      for (size_t b = after; b < m.begin;) {
        while (b < m.begin && doc.title[b] == ' ') ++b;
        size_t e = b;
        while (e < m.begin && doc.title[e] != ' ') ++e;
        if (e > b && lex.voice_topic_words().count(LowerTitle(doc.title.substr(b, e - b)))) return nullptr;
        b = e;
      }
      // a name, not a bare title resolved without context ("Statement of the President")
      if (m.person.empty() || m.actors.empty() || m.kind != "person") return nullptr;
      speaker = &m;
    } else if (m.person != speaker->person && !m.person.empty()) {
      // a second speaker ("and Prime Minister Y") unless after a topic word
      if (!lex.voice_topic_words().count(WordBefore(doc.title, m.begin))) return nullptr;
    }
  }
  return speaker;
}

// The length of the leader title that opens `lower` ("prime minister" of "prime minister
// x of y"), followed by a space, or 0.
size_t LeaderTitleAt(const std::string& lower, const CueLexicon& lex) {
  size_t best = 0;
  for (const auto& t : lex.leader_titles())
    if (t.size() > best && lower.size() > t.size() && lower.compare(0, t.size(), t) == 0 && lower[t.size()] == ' ')
      best = t.size();
  return best;
}

// The first mention inside the title's bytes [b, e), or null.
const Mention* FirstMentionIn(const std::vector<Mention>& title_mentions, size_t b, size_t e) {
  const Mention* first = nullptr;
  for (const auto& m : title_mentions)
    if (m.begin >= b && m.end <= e && (first == nullptr || m.begin < first->begin)) first = &m;
  return first;
}

// One part of a remarks title ("President X", "Prime Minister Y of Z Before Bilateral
// Meeting"): its leader, when it opens with a name the knowledge base knows, or with a
// leader's title and a name followed by "of" and a state. Anything else names nobody.
bool PartPerson(const Document& doc, const std::vector<Mention>& title_mentions, size_t b, size_t e,
                const CueLexicon& lex, TitlePerson* out) {
  const Mention* m = FirstMentionIn(title_mentions, b, e);
  if (m == nullptr || m->actors.empty()) return false;
  if (m->kind == "person" && !m->person.empty()) {
    *out = TitlePerson{m->person, m->actors};
    return true;
  }
  // "President Y of Ecuador": the state's mention right after "of", a leader's title first
  const std::string part = LowerTitle(doc.title.substr(b, m->begin - b));
  const size_t title = LeaderTitleAt(part, lex);
  const size_t of = part.find(" of ", title);
  const bool ends_of = part.size() >= 4 && (part.compare(part.size() - 4, 4, " of ") == 0 ||
                                            (part.size() >= 8 && part.compare(part.size() - 8, 8, " of the ") == 0));
  if (title == 0 || of == std::string::npos || of <= title || !ends_of) return false;
  const std::string name = doc.title.substr(b + title + 1, of - title - 1);
  // a name of capitalised words ("Guillermo Lasso", not "at the Embassy"), then only the
  // state's formal name ("of the Republic of Colombia")
  if (name.empty() || name.size() > 40) return false;
  for (size_t i = 0; i < name.size(); ++i)
    if ((i == 0 || name[i - 1] == ' ') && std::islower(static_cast<unsigned char>(name[i]))) return false;
  for (size_t i = of + 4; i < part.size(); ++i)
    if (part[i - 1] == ' ' && part.compare(i, 4, "the ") != 0 && part.compare(i, 3, "of ") != 0 &&
        std::islower(static_cast<unsigned char>(doc.title[b + i])))
      return false;
  *out = TitlePerson{name, m->actors};
  return true;
}

// The leaders a remarks title names after its marker, one per part between commas and
// "and" ("Remarks by A, B, and C of D in ..."); the place after " | " is no part.
std::vector<TitlePerson> TitlePeople(const Document& doc, const std::vector<Mention>& title_mentions, size_t after,
                                     const CueLexicon& lex) {
  std::vector<TitlePerson> out;
  const size_t end = std::min(doc.title.size(), doc.title.find(" | "));
  size_t b = after;
  while (b < end) {
    while (b < end && doc.title[b] == ' ') ++b;
    if (doc.title.compare(b, 4, "and ") == 0) b += 4;
    const size_t comma = doc.title.find(", ", b), conj = doc.title.find(" and ", b);
    const size_t e = std::min({end, comma, conj});
    TitlePerson p;
    if (e > b && PartPerson(doc, title_mentions, b, e, lex, &p)) out.push_back(std::move(p));
    b = e + 1;
  }
  return out;
}

}  // namespace

DocumentVoice FindDocumentVoice(const Document& doc, const std::vector<Mention>& title_mentions,
                                const std::vector<Mention>& text_mentions, const CueLexicon& lex) {
  DocumentVoice v;
  const std::string title = LowerTitle(doc.title);
  if (MarkerEnd(title, lex.joint_titles()) != std::string::npos) {
    v.actors = TitleSignatories(doc, title_mentions, lex);
    if (v.actors.size() < 2) {
      std::vector<std::string> opening = OpeningSignatories(doc, text_mentions, lex);
      if (opening.size() >= 2) v.actors = std::move(opening);
    }
    if (!v.actors.empty()) {
      v.rule = "signatories";
      return v;
    }
  }
  if (const size_t at = MarkerEnd(title, lex.speaker_titles()); at != std::string::npos) {
    v.people = TitlePeople(doc, title_mentions, at, lex);
    // a second leader the knowledge base does not know ("and President Y of Ecuador") makes
    // it a transcript of two speakers as much as a known one
    const Mention* m = v.people.size() > 1 ? nullptr : TitleSpeaker(doc, title_mentions, at, lex);
    if (m != nullptr) {
      v.actors = m->actors;
      v.person = m->person;
      v.rule = "title-speaker";
      return v;
    }
  }
  if (std::string site = lex.OfficialVoice(doc.url, doc.outlet); !site.empty()) {
    v.actors = {site};
    v.rule = "official-voice";
  }
  return v;
}

}  // namespace faultline
