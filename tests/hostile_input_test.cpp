// Input made to hurt: malformed configuration, decompression bombs, binary where text
// belongs, long documents that repeat one name, and text that tries to run formulas in a
// spreadsheet or drive a terminal. Each gets a clear error or a bounded cost, and the run
// goes on. Every sentence and file here is written for these tests.
#include <gmock/gmock.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <random>

#include "actors/person_links.h"
#include "actors/span_index.h"
#include "actors_test_util.h"
#include "ingest_test_util.h"
#include "map/map.h"
#include "report/escape.h"
#include "util/terminal.h"

// Built with AddressSanitizer (scripts/sanitize.sh): memory peaks mean nothing there.
#if defined(__SANITIZE_ADDRESS__)
#define FAULTLINE_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FAULTLINE_TEST_ASAN 1
#endif
#endif

namespace faultline {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

const char* kArticle =
    "title: Harbour vote\ndate: 2024-05-14\noutlet: Harbour Post\n\n"
    "The council of Vellmar voted on Thursday to rebuild the old harbour wall before winter.\n";

// A small valid codebook with `issue_extra` added to its one issue.
std::string Codebook(const std::string& name_line, const std::string& issue_extra) {
  return name_line + "issues:\n  - id: harbour\n    label: Harbour wall\n" + issue_extra +
         "    terms: [harbour wall]\n";
}

struct ConfigCase {
  const char* what;
  std::string yaml;
  const char* expect;  // in stderr: file:line: ...
};

TEST(HostileConfigTest, EachMalformedCodebookIsOneUsageErrorNamingFileLineAndKey) {
  TempDir dir;
  WriteFile(dir / "a.txt", kArticle);
  const std::vector<ConfigCase> cases = {
      {"non-boolean held_by_modifier", Codebook("", "    held_by_modifier: maybe\n"),
       "bad.yaml:4: 'held_by_modifier' must be true or false, not \"maybe\""},
      {"a list as name", Codebook("name: [one, two]\n", ""), "bad.yaml:1: 'name' must be a string, not a list"},
      {"a list as id", "issues:\n  - id: [a, b]\n    terms: [harbour wall]\n",
       "bad.yaml:2: 'id' must be a string, not a list"},
      {"a map as label", "issues:\n  - id: harbour\n    label: {text: Harbour}\n    terms: [harbour wall]\n",
       "bad.yaml:3: 'label' must be a string, not a map"},
      {"a map in the terms", "issues:\n  - id: harbour\n    terms: [harbour wall, {x: 1}]\n",
       "bad.yaml:3: 'terms' must be a list of strings, not a map"},
      {"a word as an act's stance", "issues:\n  - id: harbour\n    terms: [wall]\n    acts:\n      - verbs: [rebuild]\n        stance: up\n",
       "bad.yaml:6: 'stance' must be a whole number, not \"up\""},
  };
  for (const ConfigCase& c : cases) {
    WriteFile(dir / "bad.yaml", c.yaml);
    auto r = RunCli("statements " + dir / "a.txt" + " --codebook " + dir / "bad.yaml", dir);
    EXPECT_EQ(r.exit_code, 2) << c.what << "\n" << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.expect)) << c.what;
    EXPECT_THAT(r.err, Not(HasSubstr("terminate called"))) << c.what;
  }
  auto r = RunCli("map " + dir / "a.txt" + " --codebook " + dir.path(), dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr(dir.path() + ": is a directory, not a codebook file"));
  // The good one still works.
  WriteFile(dir / "good.yaml", Codebook("name: Harbour\n", "    held_by_modifier: true\n"));
  r = RunCli("statements " + dir / "a.txt" + " --codebook " + dir / "good.yaml", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(HostileConfigTest, ActorFilesMetadataAndStoryListsAreCheckedLikeCodebooks) {
  TempDir dir;
  WriteFile(dir / "a.txt", kArticle);
  WriteFile(dir / "actors.yaml", "actors:\n  - code: VLM\n    names: [Vellmar]\n    ambiguous: perhaps\n");
  auto r = RunCli("actors " + dir / "a.txt" + " --actors " + dir / "actors.yaml", dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("actors.yaml:4: 'ambiguous' must be true or false"));
  r = RunCli("statements " + dir / "a.txt" + " --actors " + dir.path(), dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("is a directory, not an actor file"));

  // --meta: a directory, a binary file (a gzip stream) and a file without a usable row.
  r = RunCli("extract " + dir / "a.txt" + " --meta " + dir.path(), dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("is a directory, not a metadata file"));
  WriteFile(dir / "meta.bin", testing::GzipMember("file,outlet\na.txt,Harbour Post\n"));
  r = RunCli("extract " + dir / "a.txt" + " --meta " + dir / "meta.bin", dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("meta.bin: binary data, not a JSONL or CSV metadata file"));
  WriteFile(dir / "meta.csv", "colour,size\nred,big\n");
  r = RunCli("extract " + dir / "a.txt" + " --meta " + dir / "meta.csv", dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("meta.csv: no usable metadata row"));
  WriteFile(dir / "meta.jsonl", "{\"file\": \"a.txt\", \"outlet\": \"Coast Wire\"}\n");
  r = RunCli("extract " + dir / "a.txt" + " --meta " + dir / "meta.jsonl", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Coast Wire"));

  WriteFile(dir / "framing.yaml", "concepts:\n  - concept: the wall\n    variants:\n      - label: {a: b}\n        terms: [wall]\n");
  r = RunCli("stories --no-statements " + dir / "a.txt" + " --framing " + dir / "framing.yaml", dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("framing.yaml:4: 'label' must be a string, not a map"));
  WriteFile(dir / "outlets.yaml", "outlets:\n  - name: Harbour Post\n    kind: [paper]\n");
  r = RunCli("ingest " + dir / "a.txt" + " --db " + dir / "n.db" + " --outlets " + dir / "outlets.yaml", dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("outlets.yaml:3: 'kind' must be a string, not a list"));
}

// Runs the binary with `args` and returns its peak resident memory in MB (and *rc).
long PeakMb(const std::vector<std::string>& args, int* rc, std::string* err_file) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    int err = ::open(err_file->c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(null, 1);
    ::dup2(err, 2);
    std::vector<char*> argv;
    const std::string bin = testing::Binary();
    argv.push_back(const_cast<char*>(bin.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage ru {};
  ::wait4(pid, &status, 0, &ru);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ru.ru_maxrss / 1024;
}

TEST(HostileInputTest, DecompressionBombsStopAtTheLimitAndMemoryStaysNearIt) {
  TempDir dir;
  // 200 MB of text and 200 MB of HTML, each a few hundred KB of gzip.
  std::string line(1000, 'a');
  for (size_t i = 0; i < line.size(); i += 10) line[i] = ' ';
  line += '\n';
  WriteFile(dir / "in/bomb.txt.gz", testing::GzipRepeated("", line, 200u << 20));
  WriteFile(dir / "in/bomb.html.gz", testing::GzipRepeated("<html><body>", "<div><p>" + line + "</p></div>", 200u << 20));
  WriteFile(dir / "in/fine.txt", kArticle);

  std::string err = dir / "err.txt";
  int rc = 0;
  const long base = PeakMb({"extract", dir / "in/fine.txt"}, &rc, &err);  // the program itself
  ASSERT_EQ(rc, 0) << testing::ReadWholeFile(err);
  const long peak = PeakMb({"extract", dir / "in", "--max-file-mb", "8", "--max-html-mb", "4"}, &rc, &err);
  const std::string e = testing::ReadWholeFile(err);
  EXPECT_EQ(rc, 1) << e;
  EXPECT_THAT(e, HasSubstr("bomb.txt.gz: input decompresses to over the limit of 8.0 MB (--max-file-mb)"));
  EXPECT_THAT(e, HasSubstr("bomb.html.gz: HTML page decompresses to over the limit of 4.0 MB for HTML (--max-html-mb)"));
  // The run went on: the good file was read. Memory: a small multiple of the limit
  // plus the program itself, nowhere near the 200 MB the files expand to.
  EXPECT_LT(peak, base + 48) << "MB, against " << base << " MB for one small file";

  // Binary data is refused right after the sniff, before the rest is decompressed.
  std::string noise(4096, '\0');
  std::mt19937 rng(7);
  for (char& c : noise) c = static_cast<char>(rng());
  WriteFile(dir / "bin/blob.dat.gz", testing::GzipRepeated(noise, std::string(1u << 16, '\0'), 64u << 20));
  const long bin_peak = PeakMb({"extract", dir / "bin"}, &rc, &err);
  EXPECT_EQ(rc, 1);
  EXPECT_THAT(testing::ReadWholeFile(err), HasSubstr("blob.dat.gz: binary data"));
#ifndef FAULTLINE_TEST_ASAN  // AddressSanitizer's shadow memory and quarantine inflate every peak
  EXPECT_LT(bin_peak, base + 16) << "MB, against " << base << " MB for one small file";
#else
  (void)bin_peak;
#endif
}

TEST(HostileInputTest, ALongDocumentRepeatingASurnameResolvesEveryMention) {
  // Quadratic before: every occurrence scanned every mention made so far.
  std::string error;
  const ActorRecognizer* r = testing::ShippedRecognizer(&error);
  ASSERT_NE(r, nullptr) << error;
  Document d;
  d.date = "2022-03-30";
  d.text = "French President Emmanuel Macron spoke in Paris on Wednesday.\n\n";
  const int kRepeats = 60000;  // about 1.4 MB
  for (int i = 0; i < kRepeats; ++i) d.text += i % 2 ? "Macron said so again. " : "Then Macron left. ";
  std::vector<Mention> ms = r->Recognize(d);
  int macron = 0;
  for (const Mention& m : ms) macron += m.person == "Emmanuel Macron";
  EXPECT_GE(macron, kRepeats);
}

// The mentions of `d` after `opening`, block by block (each `block` long), each as one
// line: offset in the block, surface, rule, person, actors.
std::vector<std::string> MentionsPerBlock(const ActorRecognizer& r, const Document& d, size_t opening,
                                          size_t block) {
  std::vector<std::string> per_block((d.text.size() - opening) / block);
  for (const Mention& m : r.Recognize(d)) {
    if (m.begin < opening) continue;
    const size_t k = (m.begin - opening) / block;
    if (k >= per_block.size()) {
      ADD_FAILURE() << "a mention past the last block at " << m.begin;
      continue;
    }
    per_block[k] += std::to_string(m.begin - opening - k * block) + " " + m.surface + " " + m.rule + " " +
                    m.person + " " + ::testing::PrintToString(m.actors) + "\n";
  }
  return per_block;
}

TEST(HostileInputTest, ALongDocumentUsingEveryCoreferenceRuleResolvesEachParagraphAlike) {
  // Thousands of paragraphs, each with a surname, a title and surname, a pronoun, a bare
  // role and an apposition: each rule once scanned every mention per use. Every block of
  // two paragraphs must read exactly as the first does (offsets shifted).
  std::string error;
  const ActorRecognizer* r = testing::ShippedRecognizer(&error);
  ASSERT_NE(r, nullptr) << error;
  const std::string opening = "French President Emmanuel Macron spoke in Paris on Wednesday.\n\n";
  const std::string block =
      "Mr Macron spoke. Pierre Durand, a French minister, agreed with him.\n\n"
      "Macron said so again. He left, and the president smiled.\n\n";
  const size_t kBlocks = 3000;  // about 400 KB
  Document d;
  d.date = "2022-03-30";
  d.text = opening;
  for (size_t i = 0; i < kBlocks; ++i) d.text += block;
  const std::vector<std::string> per_block = MentionsPerBlock(*r, d, opening.size(), block.size());
  ASSERT_EQ(per_block.size(), kBlocks);
  for (size_t k = 1; k < kBlocks; ++k) ASSERT_EQ(per_block[k], per_block[0]) << "block " << k;
  // What the first block reads: the name, the pronoun and the bare role are Macron, the
  // apposition gives Durand France.
  SCOPED_TRACE(per_block[0]);
  EXPECT_THAT(per_block[0], HasSubstr(" Macron alias:Macron Emmanuel Macron"));
  EXPECT_THAT(per_block[0], HasSubstr(" He coref:pronoun Emmanuel Macron"));
  EXPECT_THAT(per_block[0], HasSubstr(" president coref:role:head-of-state Emmanuel Macron"));
  EXPECT_THAT(per_block[0], HasSubstr(" Pierre Durand apposition:minister:French minister Pierre Durand { \"FRA\" }"));
}

TEST(HostileInputTest, APairPhraseRepeatedAfterOnePersonPairsNobodyAndAfterTwoPairsTheLastTwo) {
  // "the two leaders" once searched back over every mention of the one person named so
  // far for a second one: quadratic in a long article (coref_bench shape 2).
  std::string error;
  const ActorRecognizer* r = testing::ShippedRecognizer(&error);
  ASSERT_NE(r, nullptr) << error;
  const std::string opening = "French President Emmanuel Macron spoke in Paris on Wednesday.\n\n";
  const std::string block = "Macron spoke. The two leaders agreed.\n\n";
  const size_t kBlocks = 5000;  // about 200 KB
  Document d;
  d.date = "2022-03-30";
  d.text = opening;
  for (size_t i = 0; i < kBlocks; ++i) d.text += block;
  std::vector<std::string> per_block = MentionsPerBlock(*r, d, opening.size(), block.size());
  ASSERT_EQ(per_block.size(), kBlocks);
  for (size_t k = 1; k < kBlocks; ++k) ASSERT_EQ(per_block[k], per_block[0]) << "block " << k;
  EXPECT_THAT(per_block[0], HasSubstr(" Macron alias:Macron Emmanuel Macron"));
  EXPECT_THAT(per_block[0], Not(HasSubstr("coref:pair"))) << per_block[0];

  // A second person at the end: the last phrase pairs the two, the earlier ones nobody.
  d.text += "German Chancellor Olaf Scholz arrived. The two leaders met.\n";
  const std::vector<Mention> ms = r->Recognize(d);
  std::vector<const Mention*> pairs;
  for (const Mention& m : ms)
    if (m.rule.rfind("coref:pair:", 0) == 0) pairs.push_back(&m);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0]->person, "Emmanuel Macron; Olaf Scholz");
  EXPECT_THAT(pairs[0]->actors, ::testing::ElementsAre("FRA", "DEU"));
}

TEST(HostileInputTest, AReferenceRepeatedTakesTheOrganisationNamedBeforeElseTheOneAfter) {
  // "the alliance" once scanned every mention from the start per use, for the nearest
  // one before it and then the first after it: quadratic (coref_bench shape 3).
  std::string error;
  const ActorRecognizer* r = testing::ShippedRecognizer(&error);
  ASSERT_NE(r, nullptr) << error;
  const std::string opening = "Leaders met in Madrid on Wednesday.\n\n";
  const std::string block = "The alliance agreed, and the allies smiled.\n\n";
  const size_t kBlocks = 3000;  // about 140 KB
  Document d;
  d.date = "2022-06-29";
  d.text = opening;
  for (size_t i = 0; i < kBlocks; ++i) d.text += block;
  // Named only after every use, then before the ones that follow it.
  d.text += "NATO leaders spoke.\n\n";
  for (size_t i = 0; i < kBlocks; ++i) d.text += block;
  int before = 0, after = 0;
  const size_t named = d.text.find("NATO");
  for (const Mention& m : r->Recognize(d)) {
    if (m.rule.rfind("coref:org:", 0) != 0) continue;
    EXPECT_THAT(m.actors, ::testing::ElementsAre("NATO")) << m.begin << " " << m.surface;
    ++(m.begin < named ? before : after);
  }
  EXPECT_EQ(before, 2 * static_cast<int>(kBlocks));
  EXPECT_EQ(after, 2 * static_cast<int>(kBlocks));
}

TEST(HostileInputTest, ManyPeopleNamedOnceEachAreFoundAgainByTheirSurnames) {
  // Each person named in full (here through an apposition) once searched the whole text
  // for their surname: quadratic in an article naming thousands (coref_bench shape 4).
  // Surnames of one word are now found in one pass, the others one by one: both here.
  std::string error;
  const ActorRecognizer* r = testing::ShippedRecognizer(&error);
  ASSERT_NE(r, nullptr) << error;
  auto surname = [](size_t i) {
    std::string w = "K";
    for (size_t k = i + 1; k > 0; k /= 26) w += static_cast<char>('a' + k % 26);
    return w + (i % 3 == 0 ? "-Søndergaard" : i % 3 == 1 ? "ův" : "ov");
  };
  const size_t kPeople = 1500;
  Document d;
  d.date = "2022-03-30";
  for (size_t i = 0; i < kPeople; ++i) d.text += "Pierre " + surname(i) + ", a French minister, spoke.\n\n";
  std::vector<size_t> later(kPeople);
  for (size_t i = kPeople; i-- > 0;) {
    later[i] = d.text.size();
    d.text += surname(i) + " agreed, but X" + surname(i) + " did not.\n\n";
  }
  const std::vector<Mention> ms = r->Recognize(d);
  std::map<size_t, const Mention*> by_begin;
  for (const Mention& m : ms) by_begin[m.begin] = &m;
  std::vector<const Mention*> at(kPeople, nullptr);
  for (size_t i = 0; i < kPeople; ++i)
    if (auto it = by_begin.find(later[i]); it != by_begin.end()) at[i] = it->second;
  for (size_t i = 0; i < kPeople; ++i) {
    ASSERT_NE(at[i], nullptr) << surname(i);
    EXPECT_EQ(at[i]->rule, "coref:surname") << surname(i);
    EXPECT_EQ(at[i]->person, "Pierre " + surname(i));
    EXPECT_THAT(at[i]->actors, ::testing::ElementsAre("FRA")) << surname(i);
  }
}

TEST(HostileInputTest, OfficialsInOneLongParagraphTakeTheStateItNamesBeforeElseAfterThem) {
  // The paragraph's state was once looked for from the paragraph's start for each
  // official, then forward to its end: quadratic in one long paragraph (coref_bench
  // shapes 6 and 7).
  std::string error;
  const ActorRecognizer* r = testing::ShippedRecognizer(&error);
  ASSERT_NE(r, nullptr) << error;
  auto surname = [](size_t i) {
    std::string w = "K";
    for (size_t k = i + 1; k > 0; k /= 26) w += static_cast<char>('a' + k % 26);
    return w + "ov";
  };
  const size_t kOfficials = 1000;
  Document d;
  d.date = "2022-03-30";
  // Named before each role and name; named only at the end for the appositions.
  for (size_t i = 0; i < kOfficials; ++i)
    d.text += "Russia said Deputy Prime Minister Pierre " + surname(i) + " would go. ";
  d.text += "\n\n";
  for (size_t i = 0; i < kOfficials; ++i) d.text += "Pierre " + surname(i) + ", the deputy minister, spoke. ";
  d.text += "Poland agreed.\n";
  size_t role_names = 0, appositions = 0;
  for (const Mention& m : r->Recognize(d)) {
    if (m.rule.find("context:Russia") != std::string::npos) {
      EXPECT_THAT(m.actors, ::testing::ElementsAre("RUS")) << m.surface;
      ++role_names;
    } else if (m.rule == "apposition:context:Poland") {
      EXPECT_THAT(m.actors, ::testing::ElementsAre("POL")) << m.surface;
      ++appositions;
    }
  }
  EXPECT_EQ(role_names, kOfficials);
  EXPECT_EQ(appositions, kOfficials);
}

TEST(PersonLinksTest, AgreesWithABackwardScanOnRandomMentions) {
  // The scan PairPhrases made before: back from the last mention beginning before the
  // position, skipping mentions naming no one, still running there, or naming the person
  // already found. Random spans overlap one another and the position.
  std::mt19937 rng(12);
  const std::vector<std::string> people = {"", "", "A", "B", "C"};
  for (int round = 0; round < 100; ++round) {
    std::vector<Mention> ms(rng() % 60);
    for (Mention& m : ms) {
      m.begin = rng() % 400;
      m.end = m.begin + 1 + rng() % (round % 2 ? 4 : 60);
      m.person = people[rng() % (round % 3 ? people.size() : 4)];
    }
    std::stable_sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    const actors_internal::PersonLinks links(ms);
    for (size_t pos = 0; pos < 480; pos += 1 + rng() % 7) {
      std::vector<const Mention*> found;
      for (size_t i = ms.size(); i-- > 0 && found.size() < 2;) {
        const Mention& m = ms[i];
        if (m.begin >= pos || m.end > pos || m.person.empty()) continue;
        if (!found.empty() && found[0]->person == m.person) continue;
        found.push_back(&m);
      }
      found.resize(2, nullptr);
      const auto [latest, earlier] = links.LastTwoBefore(pos);
      ASSERT_EQ(latest, found[0]) << "round " << round << " pos " << pos;
      ASSERT_EQ(earlier, found[1]) << "round " << round << " pos " << pos;
    }
  }
}

TEST(SpanIndexTest, AgreesWithAScanOnRandomSpans) {
  std::mt19937 rng(12);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::pair<size_t, size_t>> spans;
    for (int i = 0; i < 40; ++i) {
      const size_t b = rng() % 500;
      spans.emplace_back(b, b + 1 + rng() % (round % 2 ? 5 : 120));
    }
    actors_internal::SpanIndex index;
    index.Assign(spans);
    for (int q = 0; q < 200; ++q) {
      const size_t b = rng() % 520, e = b + 1 + rng() % 30;
      const bool scan = std::any_of(spans.begin(), spans.end(), [&](auto& s) { return s.first < e && b < s.second; });
      ASSERT_EQ(index.Overlaps(b, e), scan) << b << "-" << e;
    }
  }
}

TEST(HostileOutputTest, CsvFieldsThatLookLikeFormulasAreNeutralised) {
  using report::CsvField;
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvField("+1"), "\"'+1\"");
  EXPECT_EQ(CsvField("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(CsvField("\tx"), "\"'\tx\"");
  EXPECT_EQ(CsvField("\rx"), "\"'\rx\"");
  EXPECT_EQ(CsvField("a=b"), "a=b");
  EXPECT_EQ(CsvField("plain, with comma"), "\"plain, with comma\"");
}

TEST(HostileOutputTest, ControlCharactersFromInputAreShownEscaped) {
  EXPECT_EQ(EscapeForTerminal("a\x1b[2Jb"), "a\\x1b[2Jb");
  EXPECT_EQ(EscapeForTerminal("line\nforged: error"), "line\\nforged: error");
  EXPECT_EQ(EscapeForTerminal("keep\nlines\tand tabs\x07", true), "keep\nlines\tand tabs\\x07");
  EXPECT_EQ(EscapeForTerminal("c1 \xc2\x9b" "31m"), "c1 \\u009b31m");
  EXPECT_EQ(EscapeForTerminal("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(Status::Error("bad \"\x1b]0;title\x07\"", "f\nx.txt", 3).ToString(),
            "f\\nx.txt:3: bad \"\\x1b]0;title\\x07\"");

  TempDir dir;
  // Escape sequences arrive inside JSON strings (a text file full of them is sniffed as binary).
  WriteFile(dir / "in/a.jsonl",
            "{\"id\": \"a\", \"title\": \"Harbour \\u001b[31mred\\u001b[0m\", \"date\": \"2024-05-14\", "
            "\"text\": \"The wall\\u001b[2J fell.\\u0007\\nSecond line.\"}\n");
  WriteFile(dir / "in/b\x1b[1m.jsonl", "{broken\n");
  auto r = RunCli("extract --format text " + dir / "in", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_THAT(r.out, HasSubstr("title: Harbour \\x1b[31mred\\x1b[0m"));
  EXPECT_THAT(r.out, HasSubstr("The wall\\x1b[2J fell.\\x07"));
  EXPECT_EQ(r.out.find('\x07'), std::string::npos);
  EXPECT_THAT(r.err, HasSubstr("b\\x1b[1m.jsonl:1: malformed JSON"));
}


TEST(HostileInputTest, ADocumentOverThePerDocumentBudgetIsReportedAndSkipped) {
  TempDir dir;
  WriteFile(dir / "in/a.txt", kArticle);
  std::string big = "title: Long\n\n";
  while (big.size() < 200000) big += "The harbour wall of Vellmar was rebuilt once more. ";
  WriteFile(dir / "in/b.txt", big);
  auto r = RunCli("extract " + dir / "in" + " --max-doc-mb 0.1", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("b.txt: document has 0.2 MB of text, over the per-document limit of 0.1 MB (--max-doc-mb); skipped"));
  EXPECT_THAT(r.out, HasSubstr("Harbour vote"));
  EXPECT_THAT(r.out, Not(HasSubstr("\"Long\"")));
  r = RunCli("extract " + dir / "in" + " --max-doc-sentences 1000", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("b.txt: document has about 392"));
  EXPECT_THAT(r.err, HasSubstr(" sentences, over the per-document limit of 1000 (--max-doc-sentences); skipped"));
  r = RunCli("extract " + dir / "in", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(HostileInputTest, ADocumentOverItsTimeBudgetIsReportedAndSkippedAndTheRunGoesOn) {
  TempDir dir;
  WriteFile(dir / "in/a.txt", kArticle);
  WriteFile(dir / "in/b.txt", "title: Second\ndate: 2024-05-15\n\nThe council of Vellmar met again on Friday.\n");
  // A microsecond of CPU time is used up before the first stage: every document is over
  // it, each reported on one line, and the command still finishes.
  auto r = RunCli("statements " + dir / "in" + " --max-doc-seconds 0.000001", dir);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  for (const char* file : {"a.txt: ", "b.txt: "})
    EXPECT_THAT(r.err, HasSubstr(std::string(file) + "document stopped in actor recognition"));
  EXPECT_THAT(r.err, HasSubstr(" s of CPU time, over the per-document limit of 1e-06 s (--max-doc-seconds); skipped"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 2) << r.err;
  // The default budget (60 s) is far above what these take.
  r = RunCli("statements " + dir / "in", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("--max-doc-seconds")));
}

TEST(HostileInputTest, ADocumentSlowInActorRecognitionIsStoppedThereAndTheOthersAreRead) {
  // About 3 MB of paragraphs naming people, each with a surname, a title and surname, a
  // pronoun, a bare role and an apposition (numbered: the text reader drops repeated
  // paragraphs as boilerplate): over a second of actor recognition and coreference
  // (Release), where the budget used to be checked only once they were done.
  TempDir dir;
  const std::string stated = "title: Tanks\ndate: 2023-01-20\n\nGermany opposes sending tanks to Ukraine, Scholz said.\n";
  WriteFile(dir / "in/a.txt", stated);
  std::string big = "title: Names\ndate: 2022-03-30\n\nFrench President Emmanuel Macron spoke in Paris.\n\n";
  for (int i = 0; i < 20000; ++i) {
    const std::string n = std::to_string(i);
    big += "Mr Macron spoke on day " + n + ". Pierre Durand, a French minister, agreed with him.\n\n"
           "Macron said so again in room " + n + ". He left, and the president smiled.\n\n";
  }
  WriteFile(dir / "in/b.txt", big);
  WriteFile(dir / "in/c.txt", stated);
  auto r = RunCli("statements " + dir / "in" + " --format jsonl --max-doc-seconds 0.2 --max-doc-sentences 0", dir);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, ::testing::ContainsRegex("b.txt: document stopped in (actor recognition|coreference)"));
  EXPECT_THAT(r.err, HasSubstr("over the per-document limit of 0.2 s (--max-doc-seconds); skipped"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  // The other two are read: their statements are there, none of the big one's.
  EXPECT_THAT(r.out, HasSubstr("\"doc\":\"a.txt\""));
  EXPECT_THAT(r.out, HasSubstr("\"doc\":\"c.txt\""));
  EXPECT_THAT(r.out, Not(HasSubstr("b.txt")));
}


TEST(HostileInputTest, CampsOverManyActorsKeepTheBestEvidencedAndSaySo) {
  // 3,000 actors on two issues; the first 500 with three statements each, the rest one.
  std::vector<Statement> statements;
  for (int a = 0; a < 3000; ++a) {
    const int n = a < 500 ? 3 : 1;
    for (int k = 0; k < n; ++k) {
      Statement s;
      s.actor = "A" + std::to_string(a);
      s.issue = a % 2 ? "talks" : "arms";
      s.stance = (a / 2) % 2 ? 1 : -1;
      s.doc = "d" + std::to_string(a) + "-" + std::to_string(k);
      s.date = "2024-05-14";
      statements.push_back(std::move(s));
    }
  }
  map::Map m = map::BuildMap(std::move(statements), map::MapOptions{});
  EXPECT_EQ(m.actors.size(), 3000u);  // the map keeps every actor
  ASSERT_EQ(m.networks.actors.size(), 1000u);
  EXPECT_EQ(m.networks.congruence.size(), 1000u * 1000u);
  EXPECT_TRUE(std::binary_search(m.networks.actors.begin(), m.networks.actors.end(), "A499"));
  EXPECT_THAT(m.camps.algorithm,
              HasSubstr("networks and camps over the 1000 actors with the most statements (1 or more), 2000 actors with fewer left out"));
  size_t in_camps = 0;
  for (const auto& c : m.camps.camps) in_camps += c.actors.size();
  EXPECT_EQ(in_camps, 1000u);
}

}  // namespace
}  // namespace faultline
