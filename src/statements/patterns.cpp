#include "statements/patterns.h"

#include <algorithm>

namespace faultline {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Short consonant-vowel-consonant verbs double their last letter: ban -> banned.
bool DoublesFinal(const std::string& w) {
  if (w.size() < 3 || w.size() > 4) return false;
  char a = w[w.size() - 3], b = w[w.size() - 2], c = w[w.size() - 1];
  return !IsVowel(a) && IsVowel(b) && !IsVowel(c) && c != 'w' && c != 'x' && c != 'y';
}

}  // namespace

std::vector<std::string> VerbForms(const std::string& base, const IrregularForms& irregular) {
  std::vector<std::string> f{base};
  if (base.empty()) return f;
  const char last = base.back();
  // third person singular
  if (base.ends_with("s") || base.ends_with("x") || base.ends_with("z") || base.ends_with("ch") ||
      base.ends_with("sh") || base.ends_with("o"))
    f.push_back(base + "es");
  else if (last == 'y' && base.size() > 1 && !IsVowel(base[base.size() - 2]))
    f.push_back(base.substr(0, base.size() - 1) + "ies");
  else
    f.push_back(base + "s");
  // past and participles
  if (last == 'e') {
    f.push_back(base + "d");
    if (base.ends_with("ee") || base.ends_with("ye") || base.ends_with("oe"))
      f.push_back(base + "ing");
    else if (base.ends_with("ie"))
      f.push_back(base.substr(0, base.size() - 2) + "ying");
    else
      f.push_back(base.substr(0, base.size() - 1) + "ing");
  } else if (last == 'y' && base.size() > 1 && !IsVowel(base[base.size() - 2])) {
    f.push_back(base.substr(0, base.size() - 1) + "ied");
    f.push_back(base + "ing");
  } else if (DoublesFinal(base)) {
    f.push_back(base + last + "ed");
    f.push_back(base + last + "ing");
  } else {
    f.push_back(base + "ed");
    f.push_back(base + "ing");
  }
  if (auto it = irregular.find(base); it != irregular.end())
    for (const auto& x : it->second) f.push_back(x);
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

std::vector<std::string> NounForms(const std::string& noun) {
  std::vector<std::string> f{noun};
  if (noun.empty() || !(noun.back() >= 'a' && noun.back() <= 'z')) return f;
  if (noun.ends_with("s")) return f;
  if (noun.ends_with("x") || noun.ends_with("z") || noun.ends_with("ch") || noun.ends_with("sh"))
    f.push_back(noun + "es");
  else if (noun.back() == 'y' && noun.size() > 1 && !IsVowel(noun[noun.size() - 2]))
    f.push_back(noun.substr(0, noun.size() - 1) + "ies");
  else
    f.push_back(noun + "s");
  return f;
}

bool IsTransparent(const Token& t) {
  return t.type == TokenType::kHyphen || t.type == TokenType::kOpenParen || t.type == TokenType::kCloseParen ||
         (t.type == TokenType::kQuote && t.norm != "'");
}

Status PatternSet::Add(std::string_view text, Inflect inflect, int payload, const IrregularForms& irregular) {
  Pattern p;
  p.payload = payload;
  // Split on spaces first so that slots and prefixes survive tokenisation.
  std::vector<std::string> raw;
  {
    std::string cur;
    for (char c : text) {
      if (c == ' ' || c == '\t') {
        if (!cur.empty()) raw.push_back(cur), cur.clear();
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) raw.push_back(cur);
  }
  for (const std::string& r : raw) {
    if (r.front() == '{') {
      // "{UKR}'s membership": a slot may carry the possessive ending, which a slot takes
      // anyway when the text has one (see MatchFrom)
      const size_t close = r.find('}');
      const std::string rest = close == std::string::npos ? std::string() : r.substr(close + 1);
      if (close == std::string::npos || (!rest.empty() && rest != "'s"))
        return Status::Error("unbalanced actor slot in pattern '" + std::string(text) + "'");
      Element e;
      e.kind = Kind::kActor;
      std::string code = r.substr(1, close - 1);
      e.alternatives.push_back(code == "ACTOR" ? std::string() : code);
      p.elements.push_back(std::move(e));
      continue;
    }
    if (r == "*") {
      p.elements.push_back(Element{Kind::kGap, {}});
      continue;
    }
    if (r.size() > 1 && r.back() == '*') {
      auto words = TokenizeWords(r.substr(0, r.size() - 1));
      if (words.empty()) continue;
      for (size_t i = 0; i + 1 < words.size(); ++i)
        if (words[i] != "-") p.elements.push_back(Element{Kind::kWord, {words[i]}});
      p.elements.push_back(Element{Kind::kPrefix, {words.back()}});
      continue;
    }
    for (const std::string& w : TokenizeWords(r)) {
      if (w == "-" || w == "(" || w == ")" || w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D") continue;
      p.elements.push_back(Element{Kind::kWord, {w}});
    }
  }
  if (p.elements.empty()) return Status::Error("empty pattern '" + std::string(text) + "'");
  // Inflection: the first word of a verb phrase, the last word of a noun phrase.
  if (inflect == Inflect::kVerb && p.elements.front().kind == Kind::kWord) {
    std::string base = p.elements.front().alternatives.front();
    p.elements.front().alternatives = VerbForms(base, irregular);
  } else if (inflect == Inflect::kNounPlural) {
    for (auto it = p.elements.rbegin(); it != p.elements.rend(); ++it) {
      if (it->kind != Kind::kWord) continue;
      std::string noun = it->alternatives.front();
      it->alternatives = NounForms(noun);
      break;
    }
  }
  const int index = static_cast<int>(patterns_.size());
  if (p.elements.front().kind == Kind::kWord) {
    for (const auto& alt : p.elements.front().alternatives) by_first_word_[alt].push_back(index);
  } else {
    general_.push_back(index);
  }
  patterns_.push_back(std::move(p));
  return Status::Ok();
}

bool PatternSet::MatchFrom(const TokenView& view, const Pattern& p, size_t e, size_t t, size_t end,
                           size_t* stop) const {
  const auto& toks = *view.tokens;
  // Step over transparent tokens between elements (never before the first one).
  if (e > 0)
    while (t < end && IsTransparent(toks[t])) ++t;
  if (e == p.elements.size()) {
    *stop = t;
    return true;
  }
  if (t >= end) return false;
  const Element& el = p.elements[e];
  switch (el.kind) {
    case Kind::kWord:
      if (std::find(el.alternatives.begin(), el.alternatives.end(), toks[t].norm) == el.alternatives.end())
        return false;
      return MatchFrom(view, p, e + 1, t + 1, end, stop);
    case Kind::kPrefix:
      if (toks[t].type != TokenType::kWord || toks[t].norm.compare(0, el.alternatives[0].size(), el.alternatives[0]) != 0)
        return false;
      return MatchFrom(view, p, e + 1, t + 1, end, stop);
    case Kind::kActor: {
      int m = toks[t].mention;
      if (m < 0 || view.mentions == nullptr) return false;
      const Mention& mention = (*view.mentions)[m];
      const std::string& code = el.alternatives[0];
      if (!code.empty() && std::find(mention.actors.begin(), mention.actors.end(), code) == mention.actors.end())
        return false;
      size_t u = t;
      while (u < end && toks[u].mention == m) ++u;
      // a possessive belongs to the slot: "Russia's"; but a slot that ends the pattern is
      // then only a possessor ("called Russia's actions ..." is no call to Russia)
      if (u < end && toks[u].norm == "'s") {
        if (e + 1 == p.elements.size()) return false;
        ++u;
      }
      return MatchFrom(view, p, e + 1, u, end, stop);
    }
    case Kind::kGap: {
      // zero to three words, stopping at clause punctuation
      size_t u = t;
      for (int n = 0; n <= 3 && u <= end; ++n) {
        if (MatchFrom(view, p, e + 1, u, end, stop)) return true;
        if (u >= end || toks[u].type != TokenType::kWord) break;
        ++u;
      }
      return false;
    }
  }
  return false;
}

void PatternSet::TryPattern(const TokenView& view, int index, size_t at, size_t end,
                            std::vector<PatternMatch>* out) const {
  const Pattern& p = patterns_[index];
  size_t stop = 0;
  if (!MatchFrom(view, p, 0, at, end, &stop)) return;
  // Trailing transparent tokens are not part of the match.
  while (stop > at + 1 && IsTransparent((*view.tokens)[stop - 1])) --stop;
  out->push_back(PatternMatch{at, stop, p.payload, static_cast<int>(stop - at)});
}

size_t PatternSet::MatchAt(const TokenView& view, size_t at, size_t end, std::vector<PatternMatch>* out) const {
  const size_t before = out->size();
  const auto& toks = *view.tokens;
  if (at >= end) return 0;
  if (toks[at].type == TokenType::kWord) {
    if (auto it = by_first_word_.find(toks[at].norm); it != by_first_word_.end())
      for (int i : it->second) TryPattern(view, i, at, end, out);
  }
  for (int i : general_) TryPattern(view, i, at, end, out);
  return out->size() - before;
}

void PatternSet::FindAll(const TokenView& view, size_t begin, size_t end, std::vector<PatternMatch>* out) const {
  for (size_t t = begin; t < end; ++t) MatchAt(view, t, end, out);
}

}  // namespace faultline
