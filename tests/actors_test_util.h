// Test helpers for the actor stage: the shipped knowledge base and a recognizer over it,
// built once per test binary (loading and compiling them takes a second), and lookups of
// the mention at a word.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "actors/knowledge_base.h"
#include "actors/mention.h"
#include "actors/recognizer.h"

namespace faultline::testing {

// The recognizer over data/kb and data/actors, or null when they do not load (the error
// goes to `error`).
inline const ActorRecognizer* ShippedRecognizer(std::string* error = nullptr) {
  static const std::unique_ptr<const ActorRecognizer> recognizer = [] {
    auto kb = KnowledgeBase::LoadDefault();
    if (!kb.ok()) return std::unique_ptr<const ActorRecognizer>();
    auto r = ActorRecognizer::Build(std::make_shared<const KnowledgeBase>(std::move(kb.value())));
    if (!r.ok()) return std::unique_ptr<const ActorRecognizer>();
    return std::make_unique<const ActorRecognizer>(std::move(r.value()));
  }();
  if (recognizer == nullptr && error != nullptr) {
    auto kb = KnowledgeBase::LoadDefault();
    *error = kb.ok() ? "the recognizer does not build" : kb.status().ToString();
  }
  return recognizer.get();
}

// The first mention whose surface is exactly `surface`, or null.
inline const Mention* MentionWithSurface(const std::vector<Mention>& ms, const std::string& surface) {
  for (const auto& m : ms)
    if (m.surface == surface) return &m;
  return nullptr;
}

// The mention covering the `nth` (0-based) occurrence of `word` in `text`, or null.
inline const Mention* MentionAt(const std::vector<Mention>& ms, const std::string& text, const std::string& word,
                                int nth = 0) {
  size_t pos = text.find(word);
  for (int i = 0; i < nth && pos != std::string::npos; ++i) pos = text.find(word, pos + 1);
  if (pos == std::string::npos) return nullptr;
  for (const auto& m : ms)
    if (m.begin <= pos && pos < m.end) return &m;
  return nullptr;
}

inline std::vector<std::string> Codes(std::initializer_list<const char*> c) {
  return std::vector<std::string>(c.begin(), c.end());
}

}  // namespace faultline::testing
