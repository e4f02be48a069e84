// Documents -> actor mentions -> statements in one object (the recognizer and the
// extractor, loaded once, shared read-only by threads), and the fingerprint of what it
// is loaded from, which tells a cache whether statements it holds are still valid.
#pragma once

#include <string>
#include <vector>

#include "actors/recognizer.h"
#include "ingest/document.h"
#include "statements/extractor.h"
#include "statements/statement.h"
#include "util/status.h"

namespace faultline {

struct AnalyzerConfig {
  std::string codebook;                  // YAML codebook; empty: the shipped one
  std::vector<std::string> actor_files;  // our YAML, PETRARCH or TABARI, after the shipped KB
};

class Analyzer {
 public:
  // Loads the knowledge base (shipped plus actor files), compiles the recognizer and
  // loads the codebook and cue lexicon. The first file that fails is the error.
  static Result<Analyzer> Load(const AnalyzerConfig& config);

  // The document's statements; const and thread-safe. With stats->deadline set, every
  // stage (actor recognition, coreference, parsing, clause rules) checks it; once it runs
  // out, no statements and stats->out_of_time.
  std::vector<Statement> Analyze(const Document& doc, ExtractionStats* stats = nullptr) const;
  // The same within `max_seconds` of the calling thread's CPU time (0: no limit), the
  // statements carrying the document's metadata (AttachDocument). A document over it is
  // the error TimeBudgetExceeded names (the document, the stage, the limit): every
  // command that extracts reports it the same way and goes on with the next document.
  // `stats` (may be null) gets the trace and counts.
  Result<std::vector<Statement>> AnalyzeWithin(const Document& doc, double max_seconds,
                                               ExtractionStats* stats = nullptr) const;
  // The actor recognizer it uses (for callers that want mentions too: the Python module).
  const ActorRecognizer& recognizer() const { return recognizer_; }

 private:
  Analyzer(ActorRecognizer recognizer, StatementExtractor extractor)
      : recognizer_(std::move(recognizer)), extractor_(std::move(extractor)) {}
  ActorRecognizer recognizer_;
  StatementExtractor extractor_;
};

// What, besides the document itself, decides its statements: kExtractorVersion, the
// faultline version, the hash of the rule sources this binary was built from, and the content (not the names) of the codebook, the cue lexicon,
// every file under the shipped knowledge-base folders (kb/ and actors/ of the data
// directory: more than the loader reads, never less) and the actor files, in order.
// Reads every file, which takes milliseconds, unlike Load. Errors name the file.
Result<std::string> AnalysisFingerprint(const AnalyzerConfig& config);

}  // namespace faultline
