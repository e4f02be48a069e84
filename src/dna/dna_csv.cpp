#include "dna/dna_csv.h"

#include <fstream>
#include <map>
#include <sstream>

#include "report/escape.h"
#include "util/csv.h"

namespace faultline::dna {
namespace {

// A quoted text field the way DNA writes one: ';' -> ',' and '"' -> '\'', so no field ever
// needs escaping and no delimiter hides in the text. A field a spreadsheet would run as a
// formula (= + - @ tab CR first) starts with ' (OWASP); ReadEventCsv takes it off again.
std::string Quoted(const std::string& s) {
  std::string out = report::StartsLikeFormula(s) ? "\"'" : "\"";
  for (char c : s) out += c == ';' ? ',' : c == '"' ? '\'' : c;
  return out + "\"";
}

// A text field as written, without the ' that neutralised a formula.
std::string Unquoted(std::string s) {
  if (s.size() > 1 && s[0] == '\'' && report::StartsLikeFormula(std::string_view(s).substr(1))) s.erase(0, 1);
  return s;
}

// "statement ID", "statement_id" and "Statement Id" are one column.
std::string ColumnKey(std::string s) {
  for (char& c : s) {
    if (c == '_') c = ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);  // a byte-order mark before the header
  return s;
}

char Delimiter(const std::string& header_line) {
  size_t semis = 0, commas = 0;
  for (char c : header_line) semis += c == ';', commas += c == ',';
  return semis >= commas ? ';' : ',';
}

std::string FirstLine(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

void WriteEventCsv(const std::vector<Statement>& statements, std::ostream& out) {
  out << "\"statement ID\";\"time\";\"document ID\";\"document title\";\"author\";\"source\";\"section\";"
         "\"type\";\"text\";\"person\";\"organization\";\"concept\";\"agreement\";\"start\";\"stop\"\n";
  std::map<std::string, size_t> doc_ids;
  size_t id = 0;
  for (const Statement& s : statements) {
    const size_t doc = doc_ids.emplace(s.doc, doc_ids.size() + 1).first->second;
    // DNA's time stamps are date and time; faultline knows the day (a partial date is
    // written as far as it goes).
    const std::string time = s.date.empty() ? "" : s.date.size() == 10 ? s.date + " 00:00:00" : s.date;
    out << ++id << ';' << time << ';' << doc << ';' << Quoted(s.title.empty() ? s.doc : s.title) << ';'
        << Quoted(s.author) << ';' << Quoted(s.outlet) << ';' << Quoted("") << ';' << Quoted("") << ';'
        << Quoted(s.evidence) << ';' << Quoted(s.person) << ';' << Quoted(s.actor) << ';' << Quoted(s.issue)
        << ';' << (s.stance > 0 ? 1 : 0) << ';' << s.units_begin << ';' << s.units_end << "\n";
  }
}

bool LooksLikeEventCsv(const std::string& path, const ReadOptions& options) {
  const std::string line = FirstLine(path);
  if (line.empty() || line[0] == '{') return false;
  CsvReader reader(line, Delimiter(line));
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) return false;
  bool stance = false, issue = false;
  for (const auto& f : fields) {
    const std::string k = ColumnKey(f);
    stance |= k == options.stance;
    issue |= k == options.issue;
  }
  return stance && issue;
}

Status ReadEventCsv(const std::string& path, const ReadOptions& options, std::vector<Statement>* out,
                    std::vector<Status>* errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot open statement CSV", path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  CsvReader reader(text, Delimiter(text.substr(0, text.find('\n'))));
  std::vector<std::string> header, row;
  if (!reader.Next(&header)) return Status::Error("empty statement CSV", path);
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header.size(); ++i) col.emplace(ColumnKey(header[i]), i);
  for (const std::string* need : {&options.actor, &options.issue, &options.stance})
    if (!col.count(*need)) return Status::Error("the header has no column '" + *need + "'", path, 1);
  auto field = [&](const char* name) {
    auto it = col.find(name);
    return it == col.end() || it->second >= row.size() ? std::string() : Unquoted(row[it->second]);
  };
  auto named = [&](const std::string& name) { return field(name.c_str()); };
  while (reader.Next(&row)) {
    if (row.size() == 1 && row[0].empty()) continue;  // a blank line
    Statement s;
    s.actor = named(options.actor);
    s.issue = named(options.issue);
    const std::string stance = named(options.stance);
    if (stance == "1" || stance == "true" || stance == "TRUE") s.stance = 1;
    else if (stance == "0" || stance == "false" || stance == "FALSE" || stance == "-1") s.stance = -1;
    if (s.actor.empty() || s.issue.empty() || s.stance == 0) {
      errors->push_back(Status::Error("a statement needs " + options.actor + ", " + options.issue + " and " +
                                          options.stance + " (1/0, true/false)",
                                      path, reader.line()));
      continue;
    }
    s.person = named(options.person);
    s.evidence = field("text");
    s.title = field("document title");
    s.author = field("author");
    s.outlet = field("source");
    s.source = s.outlet;
    s.date = field("time").substr(0, 10);
    s.doc = !s.title.empty() ? s.title : "document " + field("document id");
    s.rule = "dna";
    // start/stop count UTF-16 units of a text this file does not hold: kept as such.
    s.units_begin = static_cast<size_t>(std::strtoull(field("start").c_str(), nullptr, 10));
    s.units_end = static_cast<size_t>(std::strtoull(field("stop").c_str(), nullptr, 10));
    out->push_back(std::move(s));
  }
  return Status::Ok();
}

}  // namespace faultline::dna
