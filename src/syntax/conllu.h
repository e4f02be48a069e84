// CoNLL-U, the Universal Dependencies file format
// (https://universaldependencies.org/format.html): one word per line, ten tab-separated
// columns, sentences separated by a blank line, comments starting with '#'.
//
// Reading gives each sentence its text and gives every word a byte span into that
// text, exactly as the tokeniser does on a document, so trees from a treebank and
// trees the parser makes are the same value and tests can state a tree as CoNLL-U.
// Multiword tokens ("don't" = do + n't) give their words spans inside the written
// token; empty nodes (enhanced dependencies only) are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/sentence.h"
#include "util/status.h"

namespace faultline::syntax {

struct ConlluSentence {
  std::string id;                     // "# sent_id = ...", empty when absent
  std::string text;                   // the sentence; token spans index into it
  std::vector<std::string> comments;  // every comment line, without the leading "# "
  ParsedSentence parse;               // begin = 0, end = text.size()
};

// Parses CoNLL-U held in `content`; `file` names it in messages. A malformed
// sentence is skipped and reported as one Status (file, line, reason) in *errors;
// the others are returned.
std::vector<ConlluSentence> ParseConllu(std::string_view content, const std::string& file,
                                        std::vector<Status>* errors);

// Reads a CoNLL-U file, gzip-compressed or not. Fails only when the file cannot be
// read; malformed sentences go to *errors as in ParseConllu.
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path, std::vector<Status>* errors);

// Appends `sentence` as CoNLL-U: "# sent_id" (when `sent_id` is not empty),
// "# text" (the words as written, one space wherever the document has any), one line
// per word, then a blank line. MISC holds SpaceAfter=No where the next word follows
// directly, and TokenRange=BEGIN:END, the word's byte span in `text`, so that the
// original spacing and the offsets into the document are never lost. Tabs, line
// breaks and other control characters become spaces so untrusted text cannot break
// the format.
void AppendConllu(const ParsedSentence& sentence, std::string_view text, std::string_view sent_id,
                  std::string* out);

}  // namespace faultline::syntax
