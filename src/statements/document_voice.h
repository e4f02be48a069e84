// The voice of a document: whom its own "we" and "I" stand for outside quotes and
// transcript turns. A joint statement speaks for its signatories (named in its title,
// or in a first sentence like "We, the leaders of A, B and C, ..."), remarks or a
// statement by one named person for that person's government, any other text on an
// official site for the site's government. A columnist's "we" has no voice: it is
// never coded.
#pragma once

#include <string>
#include <vector>

#include "actors/mention.h"
#include "ingest/document.h"
#include "statements/cues.h"

namespace faultline {

// A leader a title of remarks names: "Chancellor X of Germany" (a person the knowledge
// base knows), or "President Y of Ecuador" (a name it does not know, with the state the
// title gives it).
struct TitlePerson {
  std::string person;  // the canonical name, or the title's words for an unknown name
  std::vector<std::string> actors;
};

struct DocumentVoice {
  std::vector<std::string> actors;  // empty: nobody
  std::string person;               // the one person speaking, when the title names one
  std::string rule;                 // "signatories", "title-speaker", "official-voice"
  // The leaders a title of remarks names ("Remarks by President X and Prime Minister Y of
  // Z"), one per part of the title: who a transcript's "you" addresses, and whose turn an
  // unknown label ("PRESIDENT Y:") opens.
  std::vector<TitlePerson> people;
  bool empty() const { return actors.empty(); }
};

// `title_mentions` index into doc.title, `text_mentions` into doc.text (sorted by begin).
DocumentVoice FindDocumentVoice(const Document& doc, const std::vector<Mention>& title_mentions,
                                const std::vector<Mention>& text_mentions, const CueLexicon& lex);

}  // namespace faultline
