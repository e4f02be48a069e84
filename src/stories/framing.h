// Framing: the words an outlet chooses for one thing (Kyiv or Kiev, invasion or special
// military operation, Donbas or Donbass), from a lexicon of contrasting choices in
// data/stories/framing.yaml that users extend. Counted per document; the stories stage
// sums them per outlet and shows them per story.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stories/key_filter.h"
#include "stories/text_words.h"
#include "util/status.h"
#include "util/string_view_hash.h"

namespace YAML {
class Node;
}

namespace faultline::stories {

struct FramingVariant {
  std::string label;               // whose usage it is ("Russian spelling", "Kremlin's term")
  std::vector<std::string> terms;  // as a text writes them
};

struct FramingConcept {
  std::string name;
  std::vector<FramingVariant> variants;
};

// How often a text uses one variant of one concept.
struct FramingCount {
  uint32_t concept_id = 0;  // index into FramingLexicon::concepts()
  uint32_t variant = 0;  // index into its variants
  uint32_t count = 0;
};

class FramingLexicon {
 public:
  static std::string DefaultPath();  // data/stories/framing.yaml
  // Adds the concepts of a YAML file; a concept already known gets the new variants.
  Status AddFile(const std::string& path);
  Status AddYaml(std::string_view yaml, const std::string& origin);

  const std::vector<FramingConcept>& concepts() const { return concepts_; }

  // The variants `text` uses, by concept then variant; words are matched case-insensitively
  // and whole, the longest term first where terms overlap.
  std::vector<FramingCount> Count(std::string_view text) const;
  // The same for a text split already (the stories stage shares one split per text).
  std::vector<FramingCount> Count(const TextWords& words) const;

 private:
  Status AddNode(const YAML::Node& root, const std::string& origin);
  struct Phrase {
    std::vector<std::string> words;
    uint32_t concept_id, variant;
  };
  std::vector<FramingConcept> concepts_;
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<size_t>, StringViewHash, std::equal_to<>> by_first_word_;  // longest first
  KeyFilter first_words_;  // of by_first_word_: most words of a text skip the lookup
};

// Counts summed: adds `more` to `*into` (both sorted by concept, variant).
void AddCounts(std::vector<FramingCount>* into, const std::vector<FramingCount>& more);

}  // namespace faultline::stories
