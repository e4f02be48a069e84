// The class/id cue words that tell boilerplate from article containers, loaded from
// data/html/cues.yaml (see the comments there for how entries match).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "util/status.h"

namespace faultline::html {

struct CueSet {
  std::vector<std::string> substring;     // matched inside the squashed attribute
  std::vector<std::string> token;         // matched against whole tokens
  std::unordered_set<std::string> token_set;  // the same, for lookup
  std::vector<std::string> token_prefix;  // matched against tokens' starts
  // Substring indexes by their first two characters (see PairIndex).
  std::array<std::vector<uint16_t>, 37 * 37> by_pair;
  std::vector<uint16_t> single;  // one-character substrings
};

enum class Cue { kNone, kContent, kWeakJunk, kStrongJunk, kAbsoluteJunk };

struct ContentCues {
  std::vector<std::string> exceptions;
  CueSet absolute_junk;
  CueSet strong_junk;
  CueSet weak_junk;
  CueSet content;
  std::vector<std::string> boilerplate_lines;  // lower-case line starts

  // What the class and id attributes say about an element; `matched` gets the cue word.
  Cue Classify(std::string_view class_attr, std::string_view id_attr, std::string* matched) const;
  // True when a short line begins like page furniture ("Advertisement", "Read more").
  bool IsBoilerplateLine(std::string_view line) const;
};

Result<ContentCues> LoadContentCues(const std::string& path);

// The cues shipped in data/html/cues.yaml, loaded once (immutable afterwards).
const Result<ContentCues>& DefaultContentCues();

}  // namespace faultline::html
