// Cleaning plain-text dumps of web pages (as scrapers deliver them): advertisement
// markers, share/follow prompts, newsletter and donation appeals, comment forms,
// repeated captions, "related news" lists, cookie notices go; the body stays.
//
// Two layers decide. Line rules are data (data/furniture/*.yaml, RE2 patterns with a
// name and a kind) so a user can add the furniture of a site they scrape. Block rules
// are code, because they look at a line's neighbours: the link list after a "Related"
// marker, lines repeated on the page (a caption shown twice), a run of short
// headline-like lines, the trailing run of non-sentences at the end of the dump.
// The text of a caption shown once stays (only its credit line goes): captions often
// report what an actor did, and a statement found there is still a statement.
// Every removal is recorded with the rule that made it.
//
// A dump hard-wrapped at a fixed width is unwrapped first (runs of lines become one
// paragraph), so the rules see whole paragraphs.
//
// Metadata found on the way: the first headline-like line is the title; a date line
// near the title gives the date (the nearest after it, else before it; year-less dates
// stay partial, see dates.h); a byline ("By ...", "Author: ...") gives the author.
// Title, date and byline lines leave the body. The date is what the page prints: a
// site's display date above the title is taken as found (a header line, JSON field or
// sidecar knows better and should win). Sentences that mention a date, and picture
// captions with text after their date, are not date lines.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace faultline {

// One line rule, as read from YAML (see data/furniture/lines.yaml for the fields).
struct FurnitureRule {
  std::string name;
  std::string kind;     // caption, related, byline and end change what happens around the line
  std::string pattern;  // RE2
  size_t max_length = 200;
  bool to_blank = false;
};

// A compiled, immutable set of line rules; cheap to copy (shares the compiled form)
// and safe to use from many threads.
class FurnitureRules {
 public:
  FurnitureRules() = default;

  // Every *.yaml under `dir`, in name order.
  static Result<FurnitureRules> LoadDir(const std::string& dir);
  // One YAML document with a `rules:` list; `origin` names it in errors.
  static Result<FurnitureRules> FromYaml(std::string_view yaml, const std::string& origin);
  static Result<FurnitureRules> FromRules(std::vector<FurnitureRule> rules);

  // The first rule (in load order) matching `line`, or nullptr.
  const FurnitureRule* Match(std::string_view line) const;
  // For a byline rule: the author it captures from `line` (empty when none); for a
  // relay rule, the outlet.
  std::string CaptureAuthor(const FurnitureRule& rule, std::string_view line) const;

  const std::vector<FurnitureRule>& rules() const;

 private:
  struct Compiled;
  std::shared_ptr<const Compiled> compiled_;
};

// The rules shipped in furniture/ of the data directory (util/data_path.h), loaded once.
// An error here means the data folder is missing or broken; the CLI reports it.
const Result<FurnitureRules>& DefaultFurnitureRules();

// One line the cleaner took out of the body, and why.
struct Removal {
  size_t line = 0;   // 1-based line number in the dump
  std::string rule;  // a YAML rule name, or a block rule: title, date-line,
                     // related-list, repeated-line, link-list, tail, end-section, author-bio, banner
  std::string text;  // the line, trimmed
};

struct CleanedText {
  std::string text;   // the body, paragraphs separated by "\n\n"
  std::string title;  // first headline-like line, when one stands at the top
  std::string date;   // from a date line near the top: ISO, or partial ("--02-25") when year-less
  std::string author; // from a byline ("By ...", "Author: ...")
  std::string via;    // from a relay line ("Read on RBC Pro"): the outlet the text was taken from
  std::vector<Removal> removed;  // in line order
  // Where the metadata came from (1-based lines of the dump; 0 when not found there),
  // so a caller can explain it.
  size_t title_line = 0;
  size_t date_line = 0;
  size_t author_line = 0;
  size_t via_line = 0;
};

struct CleanOptions {
  // The title when the caller already knows it (a `title:` header line, a JSON field).
  // Then no line is guessed to be the title: the body's first line is removed only
  // when it repeats this title, so a standfirst at the top of the body stays.
  std::string known_title;
};

// With the default rules (structural rules only when they failed to load).
CleanedText CleanTextDump(std::string_view text);
CleanedText CleanTextDump(std::string_view text, const CleanOptions& options);
CleanedText CleanTextDump(std::string_view text, const FurnitureRules& rules);
CleanedText CleanTextDump(std::string_view text, const FurnitureRules& rules, const CleanOptions& options);

}  // namespace faultline
