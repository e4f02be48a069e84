// Test helper: a dependency tree written by hand, word by word, so the statement rules that
// walk trees are tested on exactly the structure a test names, whatever the shipped model
// would parse.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "syntax/sentence.h"

namespace faultline::testing {

// One word as in CoNLL-U: head 1-based, 0 for the root. The lemma matters only to rules
// that read lemmas; left empty it stays empty.
struct HandWord {
  std::string form;
  syntax::Upos upos;
  int head;
  std::string deprel;
  std::string lemma = {};
};

// The words joined by single spaces (byte offsets from 0), with their tree.
inline syntax::ParsedSentence HandTree(const std::vector<HandWord>& words) {
  syntax::ParsedSentence s;
  uint32_t at = 0;
  for (const HandWord& w : words) {
    syntax::Token t;
    t.form = w.form;
    t.lemma = w.lemma;
    t.upos = w.upos;
    t.head = w.head - 1;
    t.deprel = w.deprel;
    t.begin = at;
    t.end = at + static_cast<uint32_t>(w.form.size());
    at = t.end + 1;
    s.tokens.push_back(t);
  }
  s.end = at;
  return s;
}

}  // namespace faultline::testing
