// The known outlets (data/stories/outlets.yaml plus user files) and how to find them in
// text: a case-sensitive matcher over their names and aliases, and a resolver from a
// document's outlet field or URL host to the canonical name.
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "stories/key_filter.h"
#include "util/status.h"
#include "util/string_view_hash.h"

namespace YAML {
class Node;
}

namespace faultline::stories {

struct Outlet {
  std::string name;                   // canonical
  std::vector<std::string> aliases;   // as written in the file
  std::vector<std::string> hosts;     // lower case
  std::string kind;                   // agency, newspaper, broadcaster, magazine, online
  std::vector<std::string> not_after; // words that make a mention part of another name
};

// One outlet named in a text.
struct OutletMention {
  size_t outlet = 0;   // index into OutletList::outlets()
  size_t begin = 0;    // byte offsets of the name (without a leading "the")
  size_t end = 0;
};

class OutletList {
 public:
  OutletList() = default;

  static std::string DefaultPath();  // data/stories/outlets.yaml
  // Adds the outlets of one YAML file (errors name the file and line).
  Status AddFile(const std::string& path);
  Status AddYaml(std::string_view yaml, const std::string& origin);
  // Adds (or extends) one outlet; returns its index.
  size_t Add(Outlet outlet);
  // Makes a document outlet name known, so that texts citing it are recognised
  // ("The Atlantic Ledger reported"); a name already known adds nothing.
  void AddName(const std::string& name);

  const std::vector<Outlet>& outlets() const { return outlets_; }

  // Every known outlet named in `text`, longest names first where names overlap,
  // left to right. Mentions that are part of a longer capitalised name are left out.
  std::vector<OutletMention> FindMentions(std::string_view text) const;

  // The canonical outlet a document's outlet field or URL names: an alias contained in
  // `outlet` as whole words ("The Wall Street Journal (reprint)"), else a known host of
  // `url`. -1 when none.
  int Resolve(std::string_view outlet, std::string_view url = {}) const;
  // The canonical name for `name` (an alias or name of a known outlet), or `name` as is.
  std::string Canonical(std::string_view name) const;

 private:
  Status AddNode(const YAML::Node& root, const std::string& origin);
  struct Pattern {
    std::vector<std::string> words;  // the name's words, case-sensitive
    bool optional_the = false;       // "the"/"The" may precede
    bool required_the = false;       // "The" must precede
    size_t outlet = 0;
  };
  void IndexName(const std::string& name, size_t outlet);
  // What makes two patterns the same for IndexName: outlet, required "The" and words.
  static std::string PatternKey(const Pattern& p);

  std::vector<Outlet> outlets_;
  // Both asked about views into a text (heterogeneous lookup): no std::string per question.
  std::unordered_map<std::string, size_t, StringViewHash, std::equal_to<>> by_name_;  // canonical name -> index
  std::vector<Pattern> patterns_;
  std::unordered_set<std::string> pattern_keys_;  // PatternKey of every pattern
  std::unordered_map<std::string, std::vector<size_t>, StringViewHash, std::equal_to<>> by_first_word_;  // -> patterns
  // The first byte and length of the patterns' first words: most words of a text match
  // none and need no lookup (FindMentions runs over every document's whole text; a
  // capital alone let most names through to the hash).
  KeyFilter first_words_;
  // The first bytes of those words: most tokens of a text are not even stripped of their
  // punctuation (a word per token of every text cost more than the search).
  std::bitset<256> first_bytes_;
  // A pattern's words joined by spaces, lower-cased -> its outlet (Resolve is called for
  // every capitalised name a text attributes something to: no scan of every pattern).
  std::unordered_map<std::string, size_t> by_words_;
};

}  // namespace faultline::stories
