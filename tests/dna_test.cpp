// DNA both ways: the .dna reader on DNA's own sample, the writer's round trip, DNA's
// statement CSV, coder passwords, UTF-16 offsets and the codebook from concepts.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "dna/dna_codebook.h"
#include "dna/dna_csv.h"
#include "dna/dna_database.h"
#include "dna/password.h"
#include "map/statement_jsonl.h"
#include "statements/codebook.h"
#include "test_paths.h"
#include "text/utf16.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

std::string Sample() { return testing::SharedDir() + "/reference/dna/sample.dna"; }

fs::path TempPath(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("faultline_dna_test_" + std::to_string(::getpid()) + "_" + name);
  fs::remove(p);
  return p;
}

TEST(DnaTest, Utf16OffsetsCountSurrogatePairsTwice) {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";  // a é € 😀 z
  EXPECT_EQ(Utf16Length(text), 6u);
  EXPECT_EQ(ByteOffsetOfUtf16(text, 3), 6u);   // after €
  EXPECT_EQ(ByteOffsetOfUtf16(text, 5), 10u);  // after 😀
  EXPECT_EQ(ByteOffsetOfUtf16(text, 99), text.size());
  EXPECT_EQ(Utf16Length("\xFF" "a"), 2u);  // a stray byte counts as one replacement character
}

TEST(DnaTest, PasswordDigestsAreJasyptsAndVerify) {
  Result<std::string> d = dna::NewPasswordDigest("open sesame");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->size(), 64u);  // base64 of 16 salt + 32 digest bytes, as DNA stores it
  EXPECT_TRUE(dna::PasswordMatches("open sesame", *d));
  EXPECT_FALSE(dna::PasswordMatches("open sesame!", *d));
  EXPECT_FALSE(dna::PasswordMatches("open sesame", "not base64"));
}

TEST(DnaTest, SamplePasswordsAreTheDocumentedOne) {
  FAULTLINE_REQUIRE_SHARED();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(Sample().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT Password FROM CODERS WHERE ID = 1", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  const std::string digest = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_TRUE(dna::PasswordMatches("sample", digest));  // the sample's README gives "sample"
  EXPECT_FALSE(dna::PasswordMatches("Sample", digest));
}

TEST(DnaTest, ReadsTheSampleAsItsCsvExportHasIt) {
  FAULTLINE_REQUIRE_SHARED();
  auto c = dna::ReadDatabase(Sample());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->version, "3.0.7");
  ASSERT_EQ(c->statements.size(), 40u);
  std::vector<Statement> csv;
  std::vector<Status> errors;
  const std::string csv_path = testing::SharedDir() + "/reference/dna/sample_statements.csv";
  ASSERT_TRUE(dna::LooksLikeEventCsv(csv_path));
  ASSERT_TRUE(dna::ReadEventCsv(csv_path, {}, &csv, &errors).ok());
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(csv.size(), 40u);
  // Same statements, whichever way they come: the evidence cut by DNA's UTF-16 offsets
  // from the document text equals the text sqlite3 exported.
  std::multiset<std::string> from_db, from_csv;
  auto key = [](const Statement& s) {
    return s.actor + "|" + s.issue + "|" + std::to_string(s.stance) + "|" + s.person + "|" + s.date + "|" + s.evidence;
  };
  for (const auto& s : c->statements) from_db.insert(key(s));
  for (const auto& s : csv) from_csv.insert(key(s));
  EXPECT_EQ(from_db, from_csv);
  const Statement& first = c->statements.front();
  EXPECT_EQ(first.date, "2005-01-26");
  EXPECT_EQ(first.outlet, "109");  // DNA's Source
  EXPECT_EQ(first.rule, "dna");
  EXPECT_EQ(c->concepts.size(), 6u);
}

TEST(DnaTest, MissingVariablesAndOtherFilesAreClearErrors) {
  FAULTLINE_REQUIRE_SHARED();
  dna::ReadOptions o;
  o.actor = "party";
  auto c = dna::ReadDatabase(Sample(), o);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().reason().find("no variable 'party'"), std::string::npos) << c.status().ToString();
  EXPECT_NE(c.status().reason().find("organization"), std::string::npos);
  o = {};
  o.statement_type = "Claim";
  c = dna::ReadDatabase(Sample(), o);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().reason().find("NPF Story Element"), std::string::npos);
}

Document Doc(const std::string& file, const std::string& title, const std::string& date, const std::string& text) {
  Document d;
  d.id = fs::path(file).stem().string();
  d.file = file;
  d.title = title;
  d.date = date;
  d.outlet = "Test Wire";
  d.author = "A. Reporter";
  d.url = "https://example.org/" + d.id;
  d.text = text;
  return d;
}

Statement On(const Document& d, const std::string& sentence, const std::string& actor, const std::string& issue,
             int stance) {
  Statement s;
  s.doc = fs::path(d.file).filename().string();
  s.actor = actor;
  s.issue = issue;
  s.stance = stance;
  s.begin = d.text.find(sentence);
  s.end = s.begin + sentence.size();
  s.evidence = sentence;
  s.cue = "backs";
  s.rule = "test-rule";
  s.source = d.outlet;
  s.date = d.date;
  s.outlet = d.outlet;
  return s;
}

TEST(DnaTest, WrittenDatabaseReadsBackStatementForStatement) {
  // Accents, a euro sign and an emoji before the statements: byte, character and UTF-16
  // offsets all differ.
  const Document a = Doc("one.txt", "Ministers meet", "2023-05-04",
                         "Caf\xC3\xA9 talk \xE2\x82\xAC \xF0\x9F\x98\x80 first.\n\nNorland backs the pipeline. "
                         "Southia rejects the pipeline.");
  const Document b = Doc("two.txt", "", "2023-06", "Nothing here the machine found.");
  std::vector<Statement> sa = {On(a, "Norland backs the pipeline.", "NOR", "pipeline", 1),
                               On(a, "Southia rejects the pipeline.", "SOU", "pipeline", -1)};
  sa[0].person = "Ada Norr";
  const fs::path path = TempPath("round.dna");
  dna::WriteOptions wo;
  wo.concepts["pipeline"] = "The pipeline should be built.";
  {
    auto w = dna::Writer::Create(path.string(), wo);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    ASSERT_TRUE((*w)->AddDocument(a, sa).ok());
    ASSERT_TRUE((*w)->AddDocument(b, {}).ok());
    { Status fin = (*w)->Finish(); ASSERT_TRUE(fin.ok()) << fin.ToString(); }
  }
  ASSERT_TRUE(dna::LooksLikeSqlite(path.string()));
  auto back = dna::ReadDatabase(path.string());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->statements.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Statement& s = back->statements[i];
    EXPECT_EQ(s.doc, sa[i].doc);
    EXPECT_EQ(s.actor, sa[i].actor);
    EXPECT_EQ(s.issue, "pipeline");  // the concept's Alias carries the id
    EXPECT_EQ(s.stance, sa[i].stance);
    EXPECT_EQ(s.evidence, sa[i].evidence);
    EXPECT_EQ(s.begin, sa[i].begin);
    EXPECT_EQ(s.end, sa[i].end);
    EXPECT_EQ(s.person, sa[i].person);
    EXPECT_EQ(s.date, "2023-05-04");
    EXPECT_EQ(s.outlet, "Test Wire");
    EXPECT_EQ(s.source, "Test Wire");
    EXPECT_EQ(s.cue, "backs");
    EXPECT_EQ(s.rule, "test-rule");
    EXPECT_EQ(s.title, "Ministers meet");
    EXPECT_EQ(s.author, "A. Reporter");
  }
  // DNA counts the emoji as two units: the first statement starts 3 units before its
  // UTF-8 byte offset minus the multibyte extras.
  EXPECT_EQ(back->statements[0].units_begin, Utf16Length(a.text.substr(0, sa[0].begin)));
  ASSERT_EQ(back->concepts.size(), 1u);
  EXPECT_EQ(back->concepts[0].value, "The pipeline should be built.");
  EXPECT_EQ(back->concepts[0].agree, 1);
  EXPECT_EQ(back->concepts[0].disagree, 1);
  // Never overwrites: the file may hold a coder's corrections.
  auto again = dna::Writer::Create(path.string(), wo);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().reason().find("never overwrites"), std::string::npos);
  // And through the reader every --statements option uses.
  std::vector<Statement> via;
  std::vector<Status> errors;
  ASSERT_TRUE(map::ReadStatementsFile(path.string(), &via, &errors).ok());
  EXPECT_EQ(via.size(), 2u);
  fs::remove(path);
}

// The tables and columns DNA 3.0.7 has, compared with DNA's own sample: what DNA needs to
// open the file as one of its databases.
TEST(DnaTest, WrittenSchemaIsTheSamplesSchema) {
  FAULTLINE_REQUIRE_SHARED();
  const fs::path path = TempPath("schema.dna");
  {
    auto w = dna::Writer::Create(path.string(), {});
    ASSERT_TRUE(w.ok());
    { Status fin = (*w)->Finish(); ASSERT_TRUE(fin.ok()) << fin.ToString(); }
  }
  auto columns = [](const std::string& file) {
    std::map<std::string, std::string> out;
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT m.name, group_concat(p.name || ' ' || p.type || ' ' || p.\"notnull\" || ' ' || "
                       "ifnull(p.dflt_value, '') || ' ' || p.pk, ', ') FROM sqlite_master m, "
                       "pragma_table_info(m.name) p WHERE m.type = 'table' GROUP BY m.name",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
      out[reinterpret_cast<const char*>(sqlite3_column_text(st, 0))] =
          reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  };
  EXPECT_EQ(columns(path.string()), columns(Sample()));
  fs::remove(path);
}

TEST(DnaTest, EventCsvWritesDnasLayoutAndReadsBack) {
  const Document a = Doc("one.txt", "Talks; \"again\"", "2023-05-04", "Norland backs the pipeline.");
  std::vector<Statement> st = {On(a, "Norland backs the pipeline.", "NOR", "pipeline", 1)};
  AttachDocument(a, &st);
  std::ostringstream out;
  dna::WriteEventCsv(st, out);
  const std::string csv = out.str();
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "\"statement ID\";\"time\";\"document ID\";\"document title\";\"author\";\"source\";\"section\";"
            "\"type\";\"text\";\"person\";\"organization\";\"concept\";\"agreement\";\"start\";\"stop\"");
  EXPECT_NE(csv.find("1;2023-05-04 00:00:00;1;\"Talks, 'again'\";\"A. Reporter\";\"Test Wire\""), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"NOR\";\"pipeline\";1;0;27"), std::string::npos) << csv;
  const fs::path path = TempPath("events.csv");
  std::ofstream(path) << csv;
  std::vector<Statement> back;
  std::vector<Status> errors;
  ASSERT_TRUE(dna::ReadEventCsv(path.string(), {}, &back, &errors).ok());
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].actor, "NOR");
  EXPECT_EQ(back[0].stance, 1);
  EXPECT_EQ(back[0].date, "2023-05-04");
  EXPECT_EQ(back[0].evidence, "Norland backs the pipeline.");
  fs::remove(path);
}

TEST(DnaTest, EventCsvNeutralisesFormulasAndReadsTheTextBack) {
  // A title, outlet or sentence a spreadsheet would run (OWASP: = + - @ first) gets a
  // leading ' in the file; reading the file back takes it off again.
  const Document a = Doc("one.txt", "=HYPERLINK(\"http://x\")", "2023-05-04", "-2+3 said Norland.");
  std::vector<Statement> st = {On(a, "-2+3 said Norland.", "NOR", "pipeline", 1)};
  AttachDocument(a, &st);
  st[0].outlet = "@Wire";
  std::ostringstream out;
  dna::WriteEventCsv(st, out);
  const std::string csv = out.str();
  EXPECT_NE(csv.find(";\"'=HYPERLINK('http://x')\";"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";\"'@Wire\";"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";\"'-2+3 said Norland.\";"), std::string::npos) << csv;
  const fs::path path = TempPath("formulas.csv");
  std::ofstream(path) << csv;
  std::vector<Statement> back;
  std::vector<Status> errors;
  ASSERT_TRUE(dna::ReadEventCsv(path.string(), {}, &back, &errors).ok());
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].evidence, "-2+3 said Norland.");
  EXPECT_EQ(back[0].outlet, "@Wire");
  fs::remove(path);
}

TEST(DnaTest, BadCsvRowsAreReportedWithTheirLine) {
  const fs::path path = TempPath("bad.csv");
  std::ofstream(path) << "organization,concept,agreement,text\nNOR,pipeline,1,ok\n,pipeline,1,no actor\nSOU,pipeline,maybe,x\n";
  std::vector<Statement> back;
  std::vector<Status> errors;
  ASSERT_TRUE(dna::ReadEventCsv(path.string(), {}, &back, &errors).ok());
  EXPECT_EQ(back.size(), 1u);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line(), 3);
  EXPECT_EQ(errors[1].line(), 4);
  fs::remove(path);
}

TEST(DnaTest, CodebookFromTheSampleConceptsLoads) {
  FAULTLINE_REQUIRE_SHARED();
  auto c = dna::ReadDatabase(Sample());
  ASSERT_TRUE(c.ok());
  auto words = dna::ConceptWords::Load(dna::ConceptWords::DefaultPath());
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  EXPECT_EQ(dna::ConceptSubject("CO2 legislation will not hurt the economy.", *words), "co2 legislation");
  EXPECT_EQ(dna::ConceptSubject("There should be legislation to regulate emissions.", *words), "legislation");
  const fs::path path = TempPath("codebook.yaml");
  std::ofstream(path) << dna::CodebookYaml(*c, *words, "climate", "sample.dna");
  auto cb = Codebook::Load(path.string());
  ASSERT_TRUE(cb.ok()) << cb.status().ToString();
  std::set<std::string> ids;
  for (const auto& i : cb->issues()) ids.insert(i.id);
  EXPECT_EQ(ids.size(), 6u);
  EXPECT_TRUE(ids.count("co2-legislation"));
  EXPECT_TRUE(ids.count("cap-and-trade"));
  fs::remove(path);
}

}  // namespace
}  // namespace faultline
