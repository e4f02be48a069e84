// Documents -> mentions -> statements, shared by `statements`, `evaluate`, `map` and
// `why`. Owned by the statements stage.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "cli/inputs.h"
#include "statements/statement.h"

namespace faultline::cli {

struct AnalysisOptions {
  std::string codebook;                  // YAML codebook; the shipped security codebook by default
  std::vector<std::string> actor_files;  // extra KB YAML, PETRARCH or TABARI dictionaries
  bool explain = false;                  // print every sentence's analysis on stderr
  bool refresh = false;                  // --db: extract again, ignoring cached statements
  // --db: leave out the corrections people stored (corrections/apply.h), which are
  // otherwise applied. `evaluate` always sets it: it scores the machine.
  bool machine_only = false;
  // Called with every document analysed (after --meta), in input order, on the thread
  // that reads them: the stories of `map` and `why` are built from the same documents.
  std::function<void(const Document&)> on_document;
  // With --db, tried instead of `on_document` on a document read without its text
  // (documents are, when their statements are cached): true when it took the document
  // as it is, false to have `on_document` called with the text. Unset: `on_document`
  // always gets the text.
  std::function<bool(const Document&)> on_document_without_text;
};

// Adds --codebook, --actors, --explain, --refresh and --machine-only.
void AddAnalysisOptions(CLI::App* cmd, AnalysisOptions* options);

// Runs every input document through actor recognition and statement extraction and
// appends the statements to *out. With --db, statements cached in the database for the
// same codebook, cue lexicon, knowledge base and extractor version are read instead,
// and the others are extracted and cached (one summary line on stderr says which); then
// the corrections stored in the database are applied (a line on stderr says how many).
// Returns false if any input or data file failed (each problem reported on stderr).
bool CollectStatements(const InputOptions& inputs, const AnalysisOptions& analysis,
                       std::vector<Statement>* out);

}  // namespace faultline::cli
