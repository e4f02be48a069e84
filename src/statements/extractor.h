// StatementExtractor: Document + actor mentions -> position statements.
//
// Clause rules over flat tokens (no parser): each sentence holding issue vocabulary is
// split into clauses; in each clause every issue term is paired with the cues before it
// (support/oppose verbs, issue-specific acts, evaluative frames after it), negation flips
// the polarity, hypotheticals and questions cancel it, and the holder is the clause's
// subject (coordinated lists, exceptions, parenthetical members), the speaker of a quote
// or report, an earlier holder for pronouns, or the members of a camp described earlier.
// Every statement records the rule and the cue words that produced it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actors/mention.h"
#include "ingest/document.h"
#include "statements/clause_rules.h"
#include "statements/codebook.h"
#include "statements/confidence.h"
#include "statements/cues.h"
#include "statements/statement.h"
#include "syntax/model.h"
#include "util/deadline.h"
#include "util/status.h"

namespace faultline {

// Bump when a change to the code of extraction or actor recognition changes the
// statements found in the same document with the same data files: statements cached in
// a database (store/statement_cache.h) are then extracted again instead of reused.
constexpr int kExtractorVersion = 2;  // 2: clause rules over the parse

struct ExtractionStats {
  size_t sentences = 0;           // sentences looked at
  size_t candidate_sentences = 0; // sentences with issue vocabulary
  size_t parsed_sentences = 0;    // sentences the syntax model parsed (a holder to check)
  bool trace = false;             // when set, `trace_text` explains every decision
  std::string trace_text;
  // When set and it expires, extraction stops between sentences (Analyzer: actor
  // recognition between its stages too), returns no statements and sets `out_of_time`;
  // the deadline records the stage. The caller reports the document and skips it.
  Deadline* deadline = nullptr;
  bool out_of_time = false;
};

class StatementExtractor {
 public:
  // Without a confidence table every statement's confidence is 1; without a syntax model
  // the flat rules work alone (no tree checks); clause rules (statements/clause_rules.h)
  // need the model too.
  StatementExtractor(std::shared_ptr<const Codebook> codebook, std::shared_ptr<const CueLexicon> cues,
                     std::shared_ptr<const ConfidenceTable> confidence = nullptr,
                     std::shared_ptr<const syntax::Model> model = nullptr,
                     std::shared_ptr<const ClauseRuleSet> clause_rules = nullptr);

  // Loads the codebook (the shipped security codebook when empty), the cue lexicon
  // (data/cues/en.yaml when empty), the shipped confidence table, the shipped syntax
  // model (data/syntax/en.model, loaded once and shared read-only by every thread) and
  // the shipped clause rules (data/statements/rules/en.yaml).
  static Result<StatementExtractor> Create(const std::string& codebook_path = {},
                                           const std::string& cues_path = {});

  // Statements of one document, each (actor, issue, stance) once, in text order.
  // `mentions` index into doc.text; their order does not matter.
  std::vector<Statement> Extract(const Document& doc, const std::vector<Mention>& mentions,
                                 ExtractionStats* stats = nullptr) const;
  // The same, with the mentions of doc.title (offsets into the title), which name the
  // signatories of a joint statement or the speaker of remarks (document_voice.h), and count
  // among the names the document holds (a codebook issue's document_actors).
  std::vector<Statement> Extract(const Document& doc, const std::vector<Mention>& mentions,
                                 const std::vector<Mention>& title_mentions, ExtractionStats* stats) const;

  const Codebook& codebook() const { return *codebook_; }

 private:
  // Extract over a text whose link cards (text/link_cards.h) are blanked already.
  std::vector<Statement> ExtractText(const Document& doc, const std::vector<Mention>& mentions,
                                     const std::vector<Mention>& title_mentions, ExtractionStats* stats) const;

  std::shared_ptr<const Codebook> codebook_;
  std::shared_ptr<const CueLexicon> cues_;
  std::shared_ptr<const ConfidenceTable> confidence_;
  std::shared_ptr<const syntax::Model> model_;
  std::shared_ptr<const ClauseRuleSet> clause_rules_;
};

// The document's file name as statements name it ("a/b/000.txt" -> "000.txt"), or its id.
std::string StatementDocName(const Document& doc);

}  // namespace faultline
