// A validator of CoNLL-U as the format's specification states it
// (https://universaldependencies.org/format.html), written independently of the
// project's reader so that it can judge the writer: ten columns, word IDs in sequence,
// ranges before their words, the 17 UPOS tags, sorted Name=Value features, heads
// inside the sentence forming one tree under a single root labelled "root", universal
// relations (with optional subtypes), sent_id and text comments, and a text that the
// forms and their SpaceAfter marks spell out.
#pragma once

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::testing {

inline std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t e = s.find(sep, pos);
    out.emplace_back(s.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos));
    if (e == std::string_view::npos) return out;
    pos = e + 1;
  }
}

inline bool IsNumber(const std::string& s) {
  return !s.empty() && s.size() < 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Problems found in `conllu`, each "line N: what"; empty when valid.
inline std::vector<std::string> ValidateConllu(std::string_view conllu) {
  static const std::set<std::string> kUpos = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
                                              "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
  static const std::set<std::string> kRelations = {
      "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf", "compound", "conj", "cop",
      "csubj", "dep", "det", "discourse", "dislocated", "expl", "fixed", "flat", "goeswith", "iobj", "list", "mark",
      "nmod", "nsubj", "nummod", "obj", "obl", "orphan", "parataxis", "punct", "reparandum", "root", "vocative",
      "xcomp"};
  std::vector<std::string> problems;
  std::set<std::string> sent_ids;
  const std::vector<std::string> lines = SplitOn(conllu, '\n');
  if (conllu.empty() || conllu.back() != '\n') problems.push_back("the file does not end with a line break");
  size_t i = 0;
  auto bad = [&](size_t line, const std::string& what) {
    problems.push_back("line " + std::to_string(line + 1) + ": " + what);
  };
  while (i < lines.size()) {
    if (lines[i].empty()) {
      if (i + 1 < lines.size()) bad(i, "blank line outside a sentence");
      ++i;
      continue;
    }
    // One sentence: comments, then word lines, then a blank line.
    const size_t start = i;
    std::string sent_id, text;
    bool has_id = false, has_text = false;
    while (i < lines.size() && !lines[i].empty() && lines[i][0] == '#') {
      const std::string& c = lines[i];
      if (c.rfind("# sent_id = ", 0) == 0) {
        has_id = true;
        sent_id = c.substr(12);
      }
      if (c.rfind("# text = ", 0) == 0) {
        has_text = true;
        text = c.substr(9);
      }
      ++i;
    }
    if (!has_id) bad(start, "sentence without '# sent_id = '");
    else if (!sent_ids.insert(sent_id).second) bad(start, "sent_id '" + sent_id + "' is not unique");
    if (!has_text) bad(start, "sentence without '# text = '");
    std::vector<int> heads;
    std::vector<std::string> rels;
    std::string spelled;
    int range_end = 0;
    for (; i < lines.size() && !lines[i].empty(); ++i) {
      const std::vector<std::string> f = SplitOn(lines[i], '\t');
      if (f.size() != 10) {
        bad(i, "expected 10 columns, found " + std::to_string(f.size()));
        continue;
      }
      const int next = static_cast<int>(heads.size()) + 1;
      const bool space_after = f[9].find("SpaceAfter=No") == std::string::npos;
      if (size_t dash = f[0].find('-'); dash != std::string::npos) {
        const std::string a = f[0].substr(0, dash), b = f[0].substr(dash + 1);
        if (!IsNumber(a) || !IsNumber(b) || std::stoi(a) != next || std::stoi(b) <= std::stoi(a))
          bad(i, "bad range " + f[0]);
        else range_end = std::stoi(b);
        spelled += f[1] + (space_after ? " " : "");
        continue;
      }
      if (!IsNumber(f[0]) || std::stoi(f[0]) != next) bad(i, "word ID " + f[0] + " out of sequence");
      if (f[1].empty() || f[1].find_first_of(" \r") != std::string::npos) bad(i, "FORM empty or with spaces");
      if (f[2].empty()) bad(i, "empty LEMMA");
      if (!kUpos.count(f[3])) bad(i, "UPOS '" + f[3] + "' is not one of the 17");
      if (f[4].empty()) bad(i, "empty XPOS");
      if (f[5] != "_") {
        std::string prev;
        for (const std::string& pair : SplitOn(f[5], '|')) {
          const size_t eq = pair.find('=');
          if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size() || !std::isupper(pair[0]))
            bad(i, "feature '" + pair + "' is not Name=Value");
          std::string name = pair.substr(0, eq);
          std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
          if (!prev.empty() && !(prev < name)) bad(i, "features not sorted by name: " + f[5]);
          prev = name;
        }
      }
      if (!IsNumber(f[6])) bad(i, "HEAD '" + f[6] + "' is not a number");
      heads.push_back(IsNumber(f[6]) ? std::stoi(f[6]) : -1);
      const std::string base = f[7].substr(0, f[7].find(':'));
      if (!kRelations.count(base)) bad(i, "DEPREL '" + f[7] + "' is not a universal relation");
      for (char c : f[7])
        if (!(std::islower(static_cast<unsigned char>(c)) || c == ':')) bad(i, "DEPREL '" + f[7] + "' malformed");
      rels.push_back(f[7]);
      if (f[8] != "_") bad(i, "DEPS should be '_' in basic output");
      if (next > range_end) spelled += f[1] + (space_after ? " " : "");
    }
    const int n = static_cast<int>(heads.size());
    if (n == 0) bad(start, "sentence without words");
    int roots = 0;
    for (int w = 0; w < n; ++w) {
      if (heads[w] < 0 || heads[w] > n) bad(start, "HEAD of word " + std::to_string(w + 1) + " outside the sentence");
      if (heads[w] == 0) {
        ++roots;
        if (rels[w] != "root") bad(start, "word " + std::to_string(w + 1) + " has HEAD 0 but DEPREL " + rels[w]);
      } else if (rels[w] == "root") {
        bad(start, "word " + std::to_string(w + 1) + " is 'root' but has a head");
      }
      int h = w + 1;
      for (int steps = 0; h > 0 && h <= n; ++steps) {
        if (steps > n) {
          bad(start, "cycle through word " + std::to_string(w + 1));
          break;
        }
        h = heads[h - 1];
      }
    }
    if (n > 0 && roots != 1) bad(start, "expected one root, found " + std::to_string(roots));
    while (!spelled.empty() && spelled.back() == ' ') spelled.pop_back();
    if (has_text && spelled != text) bad(start, "forms spell '" + spelled + "' but # text is '" + text + "'");
    if (i < lines.size()) ++i;  // the blank line
  }
  return problems;
}

}  // namespace faultline::testing
