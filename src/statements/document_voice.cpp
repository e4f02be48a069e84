#include "statements/document_voice.h"

#include <algorithm>

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
    if (const Mention* m = TitleSpeaker(doc, title_mentions, at, lex); m != nullptr) {
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
