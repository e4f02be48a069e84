#include "syntax/conllu.h"

#include <charconv>
#include <memory>

#include "ingest/byte_stream.h"

namespace faultline::syntax {

namespace {

constexpr size_t kMaxConlluBytes = size_t{1} << 30;

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      cols.push_back(line.substr(pos));
      return cols;
    }
    cols.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool NoSpaceAfter(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(pos, bar - pos) == "SpaceAfter=No") return true;
    pos = bar + 1;
  }
  return false;
}

bool IsConlluSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A token as written: one word, or a multiword token covering words first..last.
struct Surface {
  int first = 0;
  int last = 0;
  std::string form;
  bool space_after = true;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Finds each surface token in `text` in order, skipping whitespace between them.
bool AlignToText(std::string_view text, std::vector<Surface>* units) {
  size_t pos = 0;
  for (Surface& u : *units) {
    while (pos < text.size() && IsConlluSpace(text[pos])) ++pos;
    if (text.substr(pos, u.form.size()) != u.form) return false;
    u.begin = static_cast<uint32_t>(pos);
    pos += u.form.size();
    u.end = static_cast<uint32_t>(pos);
  }
  while (pos < text.size() && IsConlluSpace(text[pos])) ++pos;
  return pos == text.size();
}

// The text as the forms and their SpaceAfter marks spell it.
std::string RebuildText(std::vector<Surface>* units) {
  std::string text;
  for (size_t i = 0; i < units->size(); ++i) {
    Surface& u = (*units)[i];
    u.begin = static_cast<uint32_t>(text.size());
    text += u.form;
    u.end = static_cast<uint32_t>(text.size());
    if (u.space_after && i + 1 < units->size()) text += ' ';
  }
  return text;
}

// Gives the words of a multiword token spans inside it when their forms spell it
// ("do" + "n't" = "don't"); otherwise each word spans the whole written token.
void SpanWords(const Surface& u, std::vector<Token>* words) {
  std::string joined;
  for (int w = u.first; w <= u.last; ++w) joined += (*words)[w].form;
  uint32_t pos = u.begin;
  for (int w = u.first; w <= u.last; ++w) {
    Token& t = (*words)[w];
    if (joined == u.form) {
      t.begin = pos;
      pos += static_cast<uint32_t>(t.form.size());
      t.end = pos;
    } else {
      t.begin = u.begin;
      t.end = u.end;
    }
  }
}

// Every word has one head chain ending at the single root.
std::string TreeProblem(const std::vector<Token>& words) {
  int roots = 0;
  for (const Token& t : words) roots += t.head < 0;
  if (roots != 1) return "a sentence needs exactly one root (HEAD 0), found " + std::to_string(roots);
  const int n = static_cast<int>(words.size());
  for (int i = 0; i < n; ++i) {
    int h = i;
    for (int steps = 0; h >= 0; ++steps) {
      if (steps > n) return "HEAD of word " + std::to_string(i + 1) + " leads into a cycle";
      h = words[h].head;
    }
  }
  return {};
}

// One sentence block: its comment and token lines, parsed or refused with a reason.
class BlockReader {
 public:
  BlockReader(const std::string& file, std::vector<Status>* errors) : file_(file), errors_(errors) {}

  void Start(int64_t line) {
    *this = BlockReader(file_, errors_);
    first_line_ = line;
  }
  bool empty() const { return first_line_ == 0; }

  void AddLine(std::string_view line, int64_t number) {
    if (!problem_.empty()) return;
    if (line[0] == '#') return AddComment(line);
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() != 10)
      return Fail(number, "expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    const std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) return;  // empty node: enhanced graphs only
    if (size_t dash = id.find('-'); dash != std::string_view::npos) return AddRange(cols, dash, number);
    AddWord(cols, number);
  }

  // Appends the finished sentence to *out, or reports why it cannot be read.
  void Finish(std::vector<ConlluSentence>* out) {
    if (problem_.empty() && words_.empty()) problem_ = "a sentence without words";
    if (problem_.empty() && range_end_ > static_cast<int>(words_.size()))
      problem_ = "a multiword token covers words that do not follow it";
    for (size_t i = 0; problem_.empty() && i < words_.size(); ++i)
      if (words_[i].head >= static_cast<int>(words_.size()))
        problem_ = "HEAD of word " + std::to_string(i + 1) + " names no word of the sentence";
    if (problem_.empty()) problem_ = TreeProblem(words_);
    if (!problem_.empty()) {
      errors_->push_back(Status::Error(problem_, file_, problem_line_ ? problem_line_ : first_line_));
      return;
    }
    ConlluSentence s;
    s.id = std::move(id_);
    s.comments = std::move(comments_);
    if (has_text_ && AlignToText(text_, &units_)) {
      s.text = std::move(text_);
    } else {
      s.text = RebuildText(&units_);
    }
    for (const Surface& u : units_) SpanWords(u, &words_);
    s.parse.begin = 0;
    s.parse.end = static_cast<uint32_t>(s.text.size());
    s.parse.tokens = std::move(words_);
    out->push_back(std::move(s));
  }

 private:
  void Fail(int64_t line, std::string reason) {
    problem_ = std::move(reason);
    problem_line_ = line;
  }

  void AddComment(std::string_view line) {
    std::string_view body = line.substr(1);
    if (!body.empty() && body[0] == ' ') body.remove_prefix(1);
    comments_.emplace_back(body);
    auto value_of = [&](std::string_view key) -> std::optional<std::string_view> {
      if (body.substr(0, key.size()) != key) return std::nullopt;
      std::string_view rest = body.substr(key.size());
      while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
      if (rest.empty() || rest[0] != '=') return std::nullopt;
      rest.remove_prefix(1);
      if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
      return rest;
    };
    if (auto v = value_of("sent_id")) id_ = *v;
    if (auto v = value_of("text")) {
      text_ = *v;
      has_text_ = true;
    }
  }

  void AddRange(const std::vector<std::string_view>& cols, size_t dash, int64_t number) {
    int first = 0, last = 0;
    if (!ParseInt(cols[0].substr(0, dash), &first) || !ParseInt(cols[0].substr(dash + 1), &last) || last < first)
      return Fail(number, "bad multiword token ID '" + std::string(cols[0]) + "'");
    if (first != static_cast<int>(words_.size()) + 1)
      return Fail(number, "multiword token " + std::string(cols[0]) + " out of sequence");
    units_.push_back(Surface{first - 1, last - 1, std::string(cols[1]), !NoSpaceAfter(cols[9])});
    range_end_ = last;
  }

  void AddWord(const std::vector<std::string_view>& cols, int64_t number) {
    int id = 0;
    if (!ParseInt(cols[0], &id)) return Fail(number, "bad word ID '" + std::string(cols[0]) + "'");
    if (id != static_cast<int>(words_.size()) + 1)
      return Fail(number, "word ID " + std::to_string(id) + " out of sequence (expected " +
                              std::to_string(words_.size() + 1) + ")");
    if (cols[1].empty()) return Fail(number, "empty FORM");
    Token t;
    t.form = cols[1];
    t.lemma = cols[2] == "_" && cols[1] != "_" ? std::string() : std::string(cols[2]);
    std::optional<Upos> upos = ParseUpos(cols[3]);
    if (!upos) return Fail(number, "unknown UPOS '" + std::string(cols[3]) + "'");
    t.upos = *upos;
    t.xpos = cols[4] == "_" ? std::string() : std::string(cols[4]);
    t.feats = Features::Parse(cols[5]);
    int head = 0;
    if (!ParseInt(cols[6], &head) || head < 0) return Fail(number, "bad HEAD '" + std::string(cols[6]) + "'");
    t.head = head - 1;
    if (cols[7].empty() || cols[7] == "_") return Fail(number, "missing DEPREL");
    t.deprel = cols[7];
    if (id > range_end_) units_.push_back(Surface{id - 1, id - 1, t.form, !NoSpaceAfter(cols[9])});
    words_.push_back(std::move(t));
  }

  std::string file_;
  std::vector<Status>* errors_;
  int64_t first_line_ = 0;
  std::string id_;
  std::string text_;
  bool has_text_ = false;
  std::vector<std::string> comments_;
  std::vector<Token> words_;
  std::vector<Surface> units_;
  int range_end_ = 0;  // last word ID covered by the latest multiword token
  std::string problem_;
  int64_t problem_line_ = 0;
};

// Replaces what would break a CoNLL-U line (tabs, line breaks, other control bytes).
std::string Clean(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

}  // namespace

std::vector<ConlluSentence> ParseConllu(std::string_view content, const std::string& file,
                                        std::vector<Status>* errors) {
  std::vector<ConlluSentence> out;
  BlockReader block(file, errors);
  int64_t number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool blank = true;
    for (char c : line) blank = blank && IsConlluSpace(c);
    if (blank) {
      if (!block.empty()) block.Finish(&out);
      block.Start(0);
      continue;
    }
    if (block.empty()) block.Start(number);
    block.AddLine(line, number);
  }
  if (!block.empty()) block.Finish(&out);
  return out;
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path, std::vector<Status>* errors) {
  auto stream = ByteStream::OpenFile(path);
  if (!stream.ok()) return stream.status().WithLocation(path);
  if (Status s = (*stream)->FillAll(kMaxConlluBytes); !s.ok()) return s.WithLocation(path);
  return ParseConllu((*stream)->available(), path, errors);
}

void AppendConllu(const ParsedSentence& sentence, std::string_view text, std::string_view sent_id,
                  std::string* out) {
  if (!sent_id.empty()) out->append("# sent_id = ").append(Clean(sent_id)).append("\n");
  const auto& toks = sentence.tokens;
  const int n = static_cast<int>(toks.size());
  // Words that share one written span were one token in the text (a multiword token).
  auto group_end = [&](int i) {
    int last = i;
    while (last + 1 < n && toks[last + 1].begin == toks[i].begin && toks[last + 1].end == toks[i].end &&
           toks[i].end > toks[i].begin)
      ++last;
    return last;
  };
  auto surface = [&](int i, int last) {
    const Token& t = toks[i];
    return last > i && t.end <= text.size() ? Clean(text.substr(t.begin, t.end - t.begin)) : Clean(t.form);
  };
  auto joined = [&](int last) {
    return last + 1 < n && toks[last + 1].begin == toks[last].end && toks[last].end > toks[last].begin;
  };
  // The text as the tokens spell it: one space wherever the document has any.
  std::string spelled;
  for (int i = 0; i < n; ++i) {
    const int last = group_end(i);
    spelled += surface(i, last);
    if (last + 1 < n && !joined(last)) spelled += ' ';
    i = last;
  }
  out->append("# text = ").append(spelled).append("\n");
  for (int i = 0; i < n; ++i) {
    const int last = group_end(i);
    const std::string misc_space = joined(last) ? "SpaceAfter=No|" : "";
    if (last > i) {
      out->append(std::to_string(i + 1)).append("-").append(std::to_string(last + 1)).append("\t");
      out->append(surface(i, last)).append("\t_\t_\t_\t_\t_\t_\t_\t");
      out->append(misc_space.empty() ? "_" : "SpaceAfter=No").append("\n");
    }
    for (int w = i; w <= last; ++w) {
      const Token& x = toks[w];
      out->append(std::to_string(w + 1)).append("\t");
      out->append(Clean(x.form)).append("\t");
      out->append(x.lemma.empty() ? "_" : Clean(x.lemma)).append("\t");
      out->append(UposName(x.upos)).append("\t");
      out->append(x.xpos.empty() ? "_" : Clean(x.xpos)).append("\t");
      out->append(x.feats.ToString()).append("\t");
      out->append(std::to_string(x.head + 1)).append("\t");
      out->append(x.deprel.empty() ? "_" : Clean(x.deprel)).append("\t_\t");
      // Where the word is in the analysed text (bytes), as UDPipe's TokenRange.
      out->append(last == i ? misc_space : "")
          .append("TokenRange=")
          .append(std::to_string(x.begin))
          .append(":")
          .append(std::to_string(x.end))
          .append("\n");
    }
    i = last;
  }
  out->append("\n");
}

}  // namespace faultline::syntax
