#include "map/statement_jsonl.h"

#include "dna/dna_csv.h"
#include "dna/dna_database.h"

#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

namespace faultline::map {
namespace {

using nlohmann::json;

// A string field, or empty; numbers are accepted for ids and dates written as numbers.
bool StringField(const json& j, const char* key, std::string* out, std::string* error) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return true;
  if (it->is_string()) *out = it->get<std::string>();
  else if (it->is_number_integer()) *out = std::to_string(it->get<long long>());
  else {
    *error = std::string("field \"") + key + "\" is not a string";
    return false;
  }
  return true;
}

bool OffsetField(const json& j, const char* key, size_t* out, std::string* error) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return true;
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<long long>() >= 0)) {
    *error = std::string("field \"") + key + "\" is not a non-negative integer";
    return false;
  }
  *out = it->get<size_t>();
  return true;
}

}  // namespace

Result<Statement> ParseStatementJson(const std::string& line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Error("not valid JSON");
  if (!j.is_object()) return Status::Error("not a JSON object");
  Statement s;
  std::string error;
  if (!StringField(j, "doc", &s.doc, &error) || !StringField(j, "actor", &s.actor, &error) ||
      !StringField(j, "issue", &s.issue, &error) || !StringField(j, "evidence", &s.evidence, &error) ||
      !StringField(j, "person", &s.person, &error) || !StringField(j, "cameo", &s.cameo, &error) ||
      !StringField(j, "cue", &s.cue, &error) ||
      !StringField(j, "rule", &s.rule, &error) || !StringField(j, "source", &s.source, &error) ||
      !StringField(j, "date", &s.date, &error) || !StringField(j, "outlet", &s.outlet, &error) ||
      !StringField(j, "title", &s.title, &error) || !StringField(j, "author", &s.author, &error) ||
      !OffsetField(j, "begin", &s.begin, &error) || !OffsetField(j, "end", &s.end, &error))
    return Status::Error(error);
  if (s.actor.empty()) return Status::Error("missing \"actor\"");
  if (s.issue.empty()) return Status::Error("missing \"issue\"");
  auto st = j.find("stance");
  if (st == j.end()) return Status::Error("missing \"stance\"");
  if (st->is_number()) {
    double v = st->get<double>();
    if (v == 1) s.stance = 1;
    else if (v == -1) s.stance = -1;
  } else if (st->is_boolean()) {
    s.stance = st->get<bool>() ? 1 : -1;
  } else if (st->is_string()) {
    const std::string v = st->get<std::string>();
    if (v == "1" || v == "+1") s.stance = 1;
    else if (v == "-1") s.stance = -1;
  }
  if (s.stance == 0) return Status::Error("\"stance\" must be 1 or -1");
  // Hand-coded statements have none: they count as certain.
  if (auto c = j.find("confidence"); c != j.end() && !c->is_null()) {
    if (!c->is_number() || c->get<double>() < 0 || c->get<double>() > 1)
      return Status::Error("\"confidence\" must be a number from 0 to 1");
    s.confidence = c->get<double>();
  }
  return s;
}

size_t ReadStatementsJsonl(std::istream& in, const std::string& name, std::vector<Statement>* out,
                           std::vector<Status>* errors) {
  std::string line;
  int64_t line_no = 0;
  size_t added = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Result<Statement> r = ParseStatementJson(line);
    if (!r.ok()) {
      errors->push_back(r.status().WithLocation(name, line_no));
      continue;
    }
    out->push_back(std::move(r).value());
    ++added;
  }
  return added;
}

Status ReadStatementsFile(const std::string& path, std::vector<Statement>* out,
                         std::vector<Status>* errors) {
  if (path == "-") {
    ReadStatementsJsonl(std::cin, "-", out, errors);
    return Status::Ok();
  }
  // A DNA database or DNA's statement CSV (hand-coded or corrected statements) by content.
  if (dna::LooksLikeSqlite(path)) {
    Result<dna::Contents> c = dna::ReadDatabase(path);
    if (!c.ok()) return c.status();
    if (c->skipped > 0)
      errors->push_back(Status::Error(std::to_string(c->skipped) +
                                      " DNA statements lack an organization, concept or agreement and were left out",
                                      path));
    for (Statement& st : c->statements) out->push_back(std::move(st));
    return Status::Ok();
  }
  if (dna::LooksLikeEventCsv(path)) return dna::ReadEventCsv(path, {}, out, errors);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot open statements file", path);
  ReadStatementsJsonl(in, path, out, errors);
  if (in.bad()) return Status::Error("read error", path);
  return Status::Ok();
}

}  // namespace faultline::map
