#include "dna/dna_database.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "dna/dna_sql.h"
#include "text/utf16.h"

namespace faultline::dna {
namespace {

using namespace internal;  // NOLINT: the helpers of this folder

struct DnaDocument {
  std::string title, text, author, source, notes;
  int64_t date = 0;
};

struct Variables {
  int type_id = 0;
  std::unordered_map<std::string, int> ids;  // name -> id within the statement type
  std::unordered_map<std::string, std::string> types;
};

Result<Variables> FindVariables(sqlite3* db, const std::string& path, const ReadOptions& o) {
  Variables v;
  std::string labels;
  {
    Query q(db, "SELECT ID, Label FROM STATEMENTTYPES ORDER BY ID");
    while (q.Step()) {
      if (q.Text(1) == o.statement_type) v.type_id = static_cast<int>(q.Int(0));
      labels += (labels.empty() ? "" : ", ") + q.Text(1);
    }
  }
  if (v.type_id == 0)
    return Status::Error("no statement type '" + o.statement_type + "' (the database has: " + labels + ")", path);
  Query q(db, "SELECT ID, Variable, DataType FROM VARIABLES WHERE StatementTypeId = ?");
  q.Bind(1, v.type_id);
  std::string names;
  while (q.Step()) {
    v.ids[q.Text(1)] = static_cast<int>(q.Int(0));
    v.types[q.Text(1)] = q.Text(2);
    names += (names.empty() ? "" : ", ") + q.Text(1);
  }
  for (const std::string* need : {&o.actor, &o.issue, &o.stance})
    if (!v.ids.count(*need))
      return Status::Error("statement type '" + o.statement_type + "' has no variable '" + *need +
                               "' (it has: " + names + ")",
                           path);
  return v;
}

std::unordered_map<int64_t, DnaDocument> ReadDocuments(sqlite3* db) {
  std::unordered_map<int64_t, DnaDocument> docs;
  Query q(db, "SELECT ID, Title, Text, Author, Source, Notes, Date FROM DOCUMENTS");
  while (q.Step())
    docs[q.Int(0)] = DnaDocument{q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Int(6)};
  return docs;
}

// statement id -> variable name -> value (short texts as their entity's value and alias).
struct Values {
  std::unordered_map<std::string, std::string> text;
  std::unordered_map<std::string, int64_t> number;
  std::string issue_alias;
};

std::unordered_map<int64_t, Values> ReadValues(sqlite3* db, const Variables& vars, const ReadOptions& o) {
  std::unordered_map<int, std::string> name_of;
  for (const auto& [name, id] : vars.ids) name_of[id] = name;
  std::unordered_map<int64_t, Values> values;
  {
    Query q(db,
            "SELECT d.StatementId, d.VariableId, e.Value, "
            "(SELECT av.AttributeValue FROM ATTRIBUTEVALUES av JOIN ATTRIBUTEVARIABLES a "
            "ON a.ID = av.AttributeVariableId WHERE av.EntityId = e.ID AND a.AttributeVariable = 'Alias') "
            "FROM DATASHORTTEXT d JOIN ENTITIES e ON e.ID = d.Entity");
    while (q.Step()) {
      auto it = name_of.find(static_cast<int>(q.Int(1)));
      if (it == name_of.end()) continue;
      Values& v = values[q.Int(0)];
      v.text[it->second] = q.Text(2);
      if (it->second == o.issue) v.issue_alias = q.Text(3);
    }
  }
  for (const char* sql : {"SELECT StatementId, VariableId, Value FROM DATABOOLEAN",
                          "SELECT StatementId, VariableId, Value FROM DATAINTEGER"}) {
    Query q(db, sql);
    while (q.Step()) {
      auto it = name_of.find(static_cast<int>(q.Int(1)));
      if (it != name_of.end()) values[q.Int(0)].number[it->second] = q.Int(2);
    }
  }
  {
    Query q(db, "SELECT StatementId, VariableId, Value FROM DATALONGTEXT");
    while (q.Step()) {
      auto it = name_of.find(static_cast<int>(q.Int(1)));
      if (it != name_of.end()) values[q.Int(0)].text[it->second] = q.Text(2);
    }
  }
  return values;
}

std::vector<Concept> ReadConcepts(sqlite3* db, int issue_variable) {
  std::vector<Concept> out;
  Query q(db,
          "SELECT e.Value, a.AttributeVariable, av.AttributeValue FROM ENTITIES e "
          "LEFT JOIN ATTRIBUTEVALUES av ON av.EntityId = e.ID "
          "LEFT JOIN ATTRIBUTEVARIABLES a ON a.ID = av.AttributeVariableId "
          "WHERE e.VariableId = ? AND e.Value != '' ORDER BY e.Value, e.ID");
  q.Bind(1, issue_variable);
  while (q.Step()) {
    if (out.empty() || out.back().value != q.Text(0)) {
      Concept c;
      c.value = q.Text(0);
      out.push_back(std::move(c));
    }
    const std::string attr = q.Text(1), value = q.Text(2);
    if (attr == "Alias") out.back().alias = value;
    else if (attr == "Type") out.back().type = value;
    else if (attr == "Notes") out.back().notes = value;
  }
  return out;
}

// One DNA statement as a faultline statement; false when it lacks actor, issue or stance.
bool ToStatement(const DnaDocument& d, int64_t doc_id, int64_t start, int64_t stop, const Values& v,
                 const ReadOptions& o, bool stance_is_boolean, Statement* s) {
  auto text = [&](const std::string& var) {
    auto it = v.text.find(var);
    return it == v.text.end() ? std::string() : it->second;
  };
  s->actor = text(o.actor);
  const std::string concept_value = text(o.issue);
  s->issue = v.issue_alias.empty() ? concept_value : v.issue_alias;
  auto stance = v.number.find(o.stance);
  if (s->actor.empty() || s->issue.empty() || stance == v.number.end()) return false;
  // A boolean agreement is 1 or 0; an integer one is read by its sign (0: neutral, skipped).
  if (stance_is_boolean) {
    s->stance = stance->second != 0 ? 1 : -1;
  } else {
    if (stance->second == 0) return false;
    s->stance = stance->second > 0 ? 1 : -1;
  }
  s->person = text(o.person);
  const std::string file = NoteValue(d.notes, "file");
  s->doc = !file.empty() ? file : !d.title.empty() ? d.title : "document " + std::to_string(doc_id);
  s->begin = ByteOffsetOfUtf16(d.text, static_cast<size_t>(start));
  s->end = std::max(s->begin, ByteOffsetOfUtf16(d.text, static_cast<size_t>(stop)));
  s->evidence = d.text.substr(s->begin, s->end - s->begin);
  s->units_begin = static_cast<size_t>(start);
  s->units_end = static_cast<size_t>(stop);
  const std::string partial = NoteValue(d.notes, "date");
  s->date = !partial.empty() ? partial : IsoDate(d.date);
  s->outlet = d.source;
  s->title = d.title;
  s->author = d.author;
  s->source = text("source");
  if (s->source.empty()) s->source = s->outlet;
  s->cue = text("cue");
  s->rule = text("rule");
  if (s->rule.empty()) s->rule = "dna";  // coded by hand in DNA
  // faultline's calibrated confidence; coded by hand (none, or not a number in [0,1]): 1
  const std::string confidence = text("confidence");
  char* end = nullptr;
  const double c = confidence.empty() ? 1 : std::strtod(confidence.c_str(), &end);
  s->confidence = end != nullptr && *end == '\0' && c >= 0 && c <= 1 ? c : 1;
  return true;
}

}  // namespace

bool LooksLikeSqlite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  return in.gcount() == 16 && std::string(head, 16) == std::string("SQLite format 3\0", 16);
}

Result<Contents> ReadDatabase(const std::string& path, const ReadOptions& options) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    Status s = DbError(db, "cannot open DNA database", path);
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> guard(db, sqlite3_close);
  Contents out;
  {
    Query q(db, "SELECT Value FROM SETTINGS WHERE Property = 'version'");
    if (!q.ok()) return Status::Error("not a DNA database (no SETTINGS table)", path);
    if (q.Step()) out.version = q.Text(0);
  }
  if (out.version.rfind('3', 0) != 0)
    return Status::Error("a DNA " + (out.version.empty() ? std::string("(unknown version)") : out.version) +
                             " database; faultline reads DNA 3 (open it in DNA 3 once to convert it)",
                         path);
  Result<Variables> vars = FindVariables(db, path, options);
  if (!vars.ok()) return vars.status();
  const auto docs = ReadDocuments(db);
  const auto values = ReadValues(db, *vars, options);
  Query q(db, "SELECT s.ID, s.DocumentId, s.Start, s.Stop FROM STATEMENTS s WHERE s.StatementTypeId = ? "
              "ORDER BY s.DocumentId, s.Start, s.ID");
  if (!q.ok()) return DbError(db, "not a DNA 3 database", path);
  q.Bind(1, vars->type_id);
  static const Values kNone;
  const bool boolean = vars->types.at(options.stance) == "boolean";
  while (q.Step()) {
    auto d = docs.find(q.Int(1));
    auto v = values.find(q.Int(0));
    Statement s;
    if (d == docs.end() ||
        !ToStatement(d->second, q.Int(1), q.Int(2), q.Int(3), v == values.end() ? kNone : v->second, options, boolean,
                     &s)) {
      ++out.skipped;
      continue;
    }
    out.statements.push_back(std::move(s));
  }
  out.concepts = ReadConcepts(db, vars->ids.at(options.issue));
  std::unordered_map<std::string, Concept*> by_value;
  for (Concept& c : out.concepts) by_value[c.alias.empty() ? c.value : c.alias] = &c;
  for (const Statement& s : out.statements)
    if (auto it = by_value.find(s.issue); it != by_value.end()) ++(s.stance > 0 ? it->second->agree : it->second->disagree);
  return out;
}

}  // namespace faultline::dna
