#include "syntax/token.h"

#include <algorithm>
#include <array>

namespace faultline::syntax {

namespace {

constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

// UD sorts feature names case-insensitively ("NumType" before "Number").
bool NameLess(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) < lower(y);
  });
}

}  // namespace

std::string_view UposName(Upos upos) { return kUposNames[static_cast<int>(upos)]; }

std::optional<Upos> ParseUpos(std::string_view name) {
  for (int i = 0; i < kUposCount; ++i)
    if (kUposNames[i] == name) return static_cast<Upos>(i);
  return std::nullopt;
}

Features Features::Parse(std::string_view feats) {
  Features f;
  if (feats == "_") return f;
  size_t pos = 0;
  while (pos <= feats.size()) {
    size_t bar = feats.find('|', pos);
    if (bar == std::string_view::npos) bar = feats.size();
    std::string_view pair = feats.substr(pos, bar - pos);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && eq > 0 && eq + 1 < pair.size())
      f.Set(pair.substr(0, eq), pair.substr(eq + 1));
    pos = bar + 1;
  }
  return f;
}

std::string_view Features::Get(std::string_view name) const {
  std::string_view t = text_;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t bar = t.find('|', pos);
    if (bar == std::string_view::npos) bar = t.size();
    std::string_view pair = t.substr(pos, bar - pos);
    if (pair.size() > name.size() && pair[name.size()] == '=' && pair.substr(0, name.size()) == name)
      return pair.substr(name.size() + 1);
    pos = bar + 1;
  }
  return {};
}

void Features::Set(std::string_view name, std::string_view value) {
  // Rebuild: a token has a handful of features, so this stays cheap and obviously right.
  std::string out;
  bool placed = value.empty();
  std::string_view t = text_;
  size_t pos = 0;
  auto append = [&out](std::string_view n, std::string_view v) {
    if (!out.empty()) out += '|';
    out.append(n).append("=").append(v);
  };
  while (pos < t.size()) {
    size_t bar = t.find('|', pos);
    if (bar == std::string_view::npos) bar = t.size();
    std::string_view pair = t.substr(pos, bar - pos);
    pos = bar + 1;
    std::string_view n = pair.substr(0, pair.find('='));
    if (n == name) continue;
    if (!placed && NameLess(name, n)) {
      append(name, value);
      placed = true;
    }
    if (!out.empty()) out += '|';
    out.append(pair);
  }
  if (!placed) append(name, value);
  text_ = std::move(out);
}

}  // namespace faultline::syntax
