#include "ingest/html/content_cues.h"

#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "util/data_path.h"

namespace faultline::html {
namespace {

bool IsAlnum(unsigned char c) { return std::isalnum(c) != 0; }

// Squashed attributes hold a-z, 0-9 and spaces: 37 symbols, 37 x 37 pairs.
size_t PairIndex(char a, char b) {
  auto code = [](char c) -> size_t {
    if (c >= 'a' && c <= 'z') return static_cast<size_t>(c - 'a');
    if (c >= '0' && c <= '9') return 26 + static_cast<size_t>(c - '0');
    return 36;
  };
  return code(a) * 37 + code(b);
}

void Tokenize(std::string_view s, std::vector<std::string>* tokens, std::string* squashed) {
  std::string cur;
  char prev = 0;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (!IsAlnum(c)) {
      if (!cur.empty()) tokens->push_back(std::move(cur));
      cur.clear();
      prev = 0;
      continue;
    }
    // A camelCase hump starts a new token: "adSlot" -> ad, slot.
    if (std::isupper(c) && prev != 0 && std::islower(static_cast<unsigned char>(prev)) && !cur.empty()) {
      tokens->push_back(std::move(cur));
      cur.clear();
    }
    char lower = static_cast<char>(std::tolower(c));
    cur.push_back(lower);
    squashed->push_back(lower);
    prev = ch;
  }
  if (!cur.empty()) tokens->push_back(std::move(cur));
}

bool Matches(const CueSet& set, const std::vector<std::string>& tokens, const std::string& squashed,
             std::string* matched) {
  // Substrings: at each position, only the words starting with those two characters.
  if (!set.substring.empty()) {
    for (size_t i = 0; i + 1 < squashed.size(); ++i) {
      for (uint16_t w : set.by_pair[PairIndex(squashed[i], squashed[i + 1])]) {
        const std::string& word = set.substring[w];
        if (word.size() <= squashed.size() - i &&
            std::memcmp(squashed.data() + i, word.data(), word.size()) == 0) {
          if (matched) *matched = word;
          return true;
        }
      }
    }
    for (uint16_t w : set.single)
      if (squashed.find(set.substring[w]) != std::string::npos) {
        if (matched) *matched = set.substring[w];
        return true;
      }
  }
  for (const auto& t : tokens) {
    if (set.token_set.count(t) > 0) {
      if (matched) *matched = t;
      return true;
    }
    for (const auto& w : set.token_prefix)
      if (t.compare(0, w.size(), w) == 0) {
        if (matched) *matched = w;
        return true;
      }
  }
  return false;
}

std::vector<std::string> ReadList(const YAML::Node& node) {
  std::vector<std::string> out;
  if (!node || !node.IsSequence()) return out;
  for (const auto& item : node) {
    std::string s = item.as<std::string>(), lower;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
        .toLower()
        .toUTF8String(lower);
    out.push_back(std::move(lower));
  }
  return out;
}

CueSet ReadCueSet(const YAML::Node& node) {
  CueSet set;
  if (!node) return set;
  set.substring = ReadList(node["substring"]);
  set.token = ReadList(node["token"]);
  set.token_set.insert(set.token.begin(), set.token.end());
  set.token_prefix = ReadList(node["token_prefix"]);
  for (size_t i = 0; i < set.substring.size() && i < 65535; ++i) {
    const std::string& w = set.substring[i];
    if (w.size() >= 2) set.by_pair[PairIndex(w[0], w[1])].push_back(static_cast<uint16_t>(i));
    else if (w.size() == 1) set.single.push_back(static_cast<uint16_t>(i));
  }
  return set;
}

}  // namespace

Cue ContentCues::Classify(std::string_view class_attr, std::string_view id_attr,
                          std::string* matched) const {
  if (class_attr.empty() && id_attr.empty()) return Cue::kNone;
  std::vector<std::string> tokens;
  std::string squashed;
  // WordPress marks each post's container with its taxonomy ("hentry category-news
  // tag-ads"): those items name the post's topics, not what the element is.
  std::string cleaned;
  if (class_attr.find("hentry") != std::string_view::npos ||
      class_attr.find("type-post") != std::string_view::npos ||
      class_attr.find("status-publish") != std::string_view::npos) {
    size_t i = 0;
    while (i < class_attr.size()) {
      size_t j = class_attr.find_first_of(" \t\n", i);
      if (j == std::string_view::npos) j = class_attr.size();
      std::string_view item = class_attr.substr(i, j - i);
      if (item.rfind("tag-", 0) != 0 && item.rfind("category-", 0) != 0) {
        cleaned.append(item);
        cleaned.push_back(' ');
      }
      i = j + 1;
    }
    class_attr = cleaned;
  }
  Tokenize(class_attr, &tokens, &squashed);
  squashed.push_back(' ');
  Tokenize(id_attr, &tokens, &squashed);
  for (const auto& e : exceptions) {
    // Blanked in place (same length): the word no longer matches any cue.
    for (size_t pos = squashed.find(e); pos != std::string::npos; pos = squashed.find(e, pos + e.size()))
      std::fill(squashed.begin() + static_cast<std::ptrdiff_t>(pos),
                squashed.begin() + static_cast<std::ptrdiff_t>(pos + e.size()), ' ');
  }
  bool content_cue = Matches(content, tokens, squashed, nullptr);
  // "article-body js-comments-anchor": a container that also names itself as content
  // is only as suspect as a strong cue makes it (overruled when it holds the prose).
  if (Matches(absolute_junk, tokens, squashed, matched))
    return content_cue ? Cue::kStrongJunk : Cue::kAbsoluteJunk;
  if (Matches(strong_junk, tokens, squashed, matched)) return Cue::kStrongJunk;
  if (!content_cue && Matches(weak_junk, tokens, squashed, matched)) return Cue::kWeakJunk;
  return content_cue ? Cue::kContent : Cue::kNone;
}

bool ContentCues::IsBoilerplateLine(std::string_view line) const {
  // Lower-cased with ICU: "Реклама", "À lire aussi" must match their entries.
  std::string_view head = line;
  if (head.size() > 96) {  // cut at a character boundary
    size_t n = 96;
    while (n > 0 && (static_cast<unsigned char>(head[n]) & 0xC0) == 0x80) --n;
    head = head.substr(0, n);
  }
  std::string lower;
  bool ascii = std::all_of(head.begin(), head.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    lower.reserve(head.size());
    for (char c : head) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  } else {
    icu::UnicodeString::fromUTF8(icu::StringPiece(head.data(), static_cast<int32_t>(head.size())))
        .toLower()
        .toUTF8String(lower);
  }
  for (const auto& b : boilerplate_lines) {
    if (lower.compare(0, b.size(), b) != 0) continue;
    // A whole word: "related" must not match "relatedness".
    if (lower.size() == b.size() || !IsAlnum(static_cast<unsigned char>(lower[b.size()]))) return true;
  }
  return false;
}

Result<ContentCues> LoadContentCues(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const std::exception& e) {
    return Status::Error(std::string("cannot read cue words: ") + e.what(), path);
  }
  ContentCues cues;
  try {
    cues.exceptions = ReadList(root["exceptions"]);
    cues.absolute_junk = ReadCueSet(root["absolute_junk"]);
    cues.strong_junk = ReadCueSet(root["strong_junk"]);
    cues.weak_junk = ReadCueSet(root["weak_junk"]);
    cues.content = ReadCueSet(root["content"]);
    cues.boilerplate_lines = ReadList(root["boilerplate_lines"]);
  } catch (const std::exception& e) {
    return Status::Error(std::string("malformed cue words: ") + e.what(), path);
  }
  return cues;
}

const Result<ContentCues>& DefaultContentCues() {
  static const Result<ContentCues> cues =
      LoadContentCues(DataFile("html/cues.yaml"));
  return cues;
}

}  // namespace faultline::html
