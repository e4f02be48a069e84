// A starting codebook from a DNA database's concepts (`faultline codebook from-dna`): one
// issue per concept, the concept as its proposition and label, an id and first terms taken
// from the concept's subject ("CO2 legislation will not hurt the economy." -> id
// co2-legislation, term "co2 legislation") and from the concept's Alias attribute. The
// terms are a start: a coder adds the words coverage uses before extracting with it.
#pragma once

#include <string>
#include <vector>

#include "dna/dna_database.h"
#include "util/status.h"

namespace faultline::dna {

// The word lists of data/dna/concepts.yaml.
struct ConceptWords {
  std::vector<std::string> leading_words, verbs, phrase_ends;
  static Result<ConceptWords> Load(const std::string& path);
  static std::string DefaultPath();  // concepts.yaml in the data directory
};

// The subject phrase of a concept, lower case ("co2 legislation"); empty when none is found.
std::string ConceptSubject(const std::string& concept_text, const ConceptWords& words);

// The codebook as YAML (docs/codebooks.md), named `name`, with a comment per issue saying
// how many statements DNA holds for and against it. Concepts whose Alias is an issue id
// faultline wrote keep that id.
std::string CodebookYaml(const Contents& dna, const ConceptWords& words, const std::string& name,
                         const std::string& source);

}  // namespace faultline::dna
