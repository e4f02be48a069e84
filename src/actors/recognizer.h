// ActorRecognizer: finds the actors a document names or refers to. Every alias of the
// knowledge base (names, adjectives, demonyms, metonyms, group names, people, role nouns,
// imported dictionary phrases; with ALL-CAPS and ASCII-folded variants) is compiled into
// one Hyperscan literal database; a scan yields candidates, word boundaries and
// leftmost-longest selection keep the readings a reader would take, and context rules
// (docs/actors.md) settle metonyms, ambiguous names, roles, appositions and coreference.
// Built once, then shared read-only by all threads: Recognize() is const and thread-safe
// (Hyperscan scratch space comes from an internal pool).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actors/knowledge_base.h"
#include "actors/mention.h"
#include "ingest/document.h"
#include "util/deadline.h"
#include "util/status.h"

namespace faultline {

class ActorRecognizer {
 public:
  static Result<ActorRecognizer> Build(std::shared_ptr<const KnowledgeBase> kb);

  // Mentions sorted by begin, non-overlapping. doc.date (full ISO) picks the people
  // holding roles; without it roles still resolve to their state, with no person.
  std::vector<Mention> Recognize(const Document& doc) const { return Recognize(doc, nullptr); }
  // The same within a time budget (null: none), checked between the stages of matching,
  // the context rules and coreference and every few hundred candidates, mentions or
  // paragraphs within them: once it runs out, no mentions, and the deadline records the
  // stage (Deadline::expired_stage).
  std::vector<Mention> Recognize(const Document& doc, Deadline* deadline) const;

  const KnowledgeBase& kb() const;
  size_t pattern_count() const;

  struct Impl;

 private:
  explicit ActorRecognizer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// The recognizer every command uses: the shipped knowledge base (unless
// `with_default_kb` is false) plus the user's files (our YAML, PETRARCH or TABARI),
// in order. The first file that fails to load is the error.
Result<ActorRecognizer> BuildRecognizer(const std::vector<std::string>& extra_files,
                                        bool with_default_kb = true);

}  // namespace faultline
