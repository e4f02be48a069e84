// The format readers, one by one, on small fixtures written here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "ingest/byte_stream.h"
#include "ingest/gzip.h"
#include "ingest/input_walker.h"
#include "ingest/json_reader.h"
#include "ingest/read_documents.h"
#include "ingest/sidecar.h"
#include "ingest/sniff.h"
#include "ingest/text_reader.h"
#include "ingest/url.h"
#include "ingest/utf8_repair.h"
#include "ingest_test_util.h"

namespace faultline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::GzipMember;
using testing::TempDir;
using testing::WriteFile;

// Collects what a reader delivers.
struct Collected {
  std::vector<Document> docs;
  std::vector<Status> errors;
  DocumentSink doc_sink() {
    return [this](Document&& d) { docs.push_back(std::move(d)); };
  }
  ErrorSink error_sink() {
    return [this](const Status& s) { errors.push_back(s); };
  }
};

// A stand-in for the HTML stage: the page's text is its <body> bytes.
Result<HtmlPage> FakeHtml(std::string_view bytes, std::string_view /*url*/, std::string_view /*ct*/) {
  HtmlPage p;
  size_t b = bytes.find("<body>"), e = bytes.find("</body>");
  if (b == std::string_view::npos || e == std::string_view::npos) return Status::Error("no body");
  p.text = std::string(bytes.substr(b + 6, e - b - 6));
  p.title = "T";
  return p;
}

// ---- gzip -----------------------------------------------------------------------

TEST(GzipTest, DecompressesMultiMemberStreams) {
  std::string gz = GzipMember("first part, ") + GzipMember("second part");
  ASSERT_TRUE(LooksGzipped(gz));
  Result<std::string> r = Gunzip(gz, 1 << 20);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "first part, second part");
}

TEST(GzipTest, TruncatedStreamIsAnError) {
  std::string gz = GzipMember(std::string(5000, 'x') + "some text that compresses");
  Result<std::string> r = Gunzip(gz.substr(0, gz.size() / 2), 1 << 20);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().reason(), HasSubstr("truncated"));
  // Cut inside the trailer (CRC/length) too.
  r = Gunzip(gz.substr(0, gz.size() - 3), 1 << 20);
  EXPECT_FALSE(r.ok());
}

TEST(DocumentReaderTest, TruncatedGzipKeepsTheWholeRecordsBeforeTheCut) {
  std::string jsonl;
  for (int i = 0; i < 200; ++i)
    jsonl += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"Record number " +
             std::to_string(i * 7919) + " of a file cut short.\"}\n";
  std::string gz = GzipMember(jsonl);
  Collected c;
  ReadOptions ro;
  ro.detect_language = false;
  DocumentReader reader(ro, c.doc_sink(), c.error_sink());
  reader.ReadBytes(gz.substr(0, gz.size() * 2 / 3), "cut.jsonl.gz");
  EXPECT_GT(c.docs.size(), 10u);
  EXPECT_LT(c.docs.size(), 200u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_THAT(c.errors[0].ToString(), HasSubstr("cut.jsonl.gz: truncated gzip"));
  // A text file cut short gives no document, only the error.
  Collected t;
  DocumentReader text_reader(ro, t.doc_sink(), t.error_sink());
  std::string prose;
  for (int i = 0; i < 200; ++i) prose += "Sentence " + std::to_string(i * 7919) + " of an article.\n";
  std::string prose_gz = GzipMember(prose);
  text_reader.ReadBytes(prose_gz.substr(0, prose_gz.size() * 2 / 3), "cut.txt.gz");
  EXPECT_TRUE(t.docs.empty());
  EXPECT_EQ(t.errors.size(), 1u);
}

TEST(ByteStreamTest, ReadsMultiMemberGzipPieceByPiece) {
  std::string plain;
  for (int i = 0; i < 20000; ++i) plain += "line " + std::to_string(i * 31) + "\n";
  std::string gz = GzipMember(plain.substr(0, 70000)) + GzipMember(plain.substr(70000));
  std::unique_ptr<ByteStream> in = ByteStream::FromString(gz);
  std::string got;
  while (true) {
    ASSERT_TRUE(in->Fill(1000).ok());
    std::string_view a = in->available();
    if (a.empty()) break;
    size_t n = std::min<size_t>(a.size(), 777);
    got.append(a.substr(0, n));
    in->Consume(n);
  }
  EXPECT_TRUE(in->gzipped());
  EXPECT_EQ(got, plain);
  EXPECT_FALSE(in->failed());
}

TEST(DocumentReaderTest, JsonLinesStreamPastTheSizeLimit) {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 3000; ++i)
    jsonl += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"" + std::string(900, 'x') + "\"}\n";
  jsonl += "{\"id\": \"huge\", \"text\": \"" + std::string(2 << 20, 'y') + "\"}\n";
  jsonl += "{\"id\": \"last\", \"text\": \"after the huge one\"}\n";
  WriteFile(dir / "big.jsonl", jsonl);  // ~5 MB
  ReadOptions ro;
  ro.max_file_bytes = 1 << 20;
  ro.detect_language = false;
  Collected c;
  DocumentReader reader(ro, c.doc_sink(), c.error_sink());
  reader.ReadFile(dir / "big.jsonl");
  ASSERT_EQ(c.docs.size(), 3001u);
  EXPECT_EQ(c.docs.back().id, "last");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_THAT(c.errors[0].ToString(), HasSubstr("big.jsonl:3001: line longer than the limit"));
}

TEST(DocumentReaderTest, InvalidUtf8InJsonLinesIsReportedOnce) {
  Collected c;
  DocumentReader reader(ReadOptions{}, c.doc_sink(), c.error_sink());
  reader.ReadBytes("{\"text\": \"ok\"}\n{\"text\": \"caf\xE9\"}\n{\"text\": \"na\xEFve\"}\n", "l.jsonl");
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[1].text, "caf\xEF\xBF\xBD");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_THAT(c.errors[0].ToString(), HasSubstr("l.jsonl:2: invalid UTF-8"));
}

TEST(GzipTest, RefusesOutputOverTheLimit) {
  Result<std::string> r = Gunzip(GzipMember(std::string(100000, 'a')), 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().reason(), HasSubstr("exceeds the limit"));
}

// The tests' streamed bombs (ingest_test_util.h) are the gzip they claim to be.
TEST(GzipTest, ARepeatedMemberExpandsToItsHeadThenWholeBodies) {
  Result<std::string> r = Gunzip(testing::GzipRepeated("head|", "body.", 3u << 20), 8u << 20);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(r->size(), 3u << 20);
  EXPECT_LT(r->size(), 5u << 20);
  EXPECT_EQ(r->compare(0, 15, "head|body.body."), 0);
  EXPECT_EQ((r->size() - 5) % 5, 0u);
  EXPECT_EQ(r->find("head", 1), std::string::npos);
}

// ---- UTF-8 ----------------------------------------------------------------------

TEST(Utf8Test, RepairsIllFormedSequencesWithReplacementCharacter) {
  std::string ok = "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D";
  EXPECT_EQ(FindInvalidUtf8(ok), std::string::npos);
  std::string s = "Caf\xE9 and \xC0\xAF overlong and cut \xE2\x80";
  EXPECT_EQ(FindInvalidUtf8(s), 3u);
  EXPECT_EQ(RepairUtf8(&s), 3u);
  EXPECT_EQ(s, "Caf\xEF\xBF\xBD and \xEF\xBF\xBD overlong and cut \xEF\xBF\xBD");
  EXPECT_EQ(FindInvalidUtf8(s), std::string::npos);
}

TEST(Utf8Test, RejectsSurrogatesAndCodePointsAboveUnicode) {
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);   // U+D800
  EXPECT_EQ(FindInvalidUtf8("a\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("a\xF0\x9F\x98\x80"), std::string::npos);  // emoji
}

// ---- sniffing ---------------------------------------------------------------------

TEST(SniffTest, ContentDecidesBeforeName) {
  EXPECT_EQ(SniffFormat("a.txt", "\xEF\xBB\xBF  <!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("page", "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("x", "<!-- saved -->\n<head><title>t</title>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("frag.html", "<div>text</div>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("frag.txt", "<div>text</div>"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("x.dat", "{\"text\": \"a\"}\n{\"text\": \"b\"}"), InputFormat::kJsonLines);
  EXPECT_EQ(SniffFormat("x.json", "[{\"text\": \"a\"}]"), InputFormat::kJsonArray);
  EXPECT_EQ(SniffFormat("[citation]", "[1] A footnote, not JSON"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("c.warc", "WARC/1.1\r\nWARC-Type: warcinfo\r\n"), InputFormat::kWarc);
  EXPECT_EQ(SniffFormat("e.txt", " \n\t\n"), InputFormat::kEmpty);
  EXPECT_EQ(SniffFormat("img.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)),
            InputFormat::kBinary);
  EXPECT_EQ(SniffFormat("a.txt", "title: x\n\nBody."), InputFormat::kText);
}

TEST(SniffTest, StemDropsFormatExtensionsOnly) {
  EXPECT_EQ(StemOf("dir/crawl.warc.gz"), "crawl");
  EXPECT_EQ(StemOf("a/b/001_abc.txt"), "001_abc");
  EXPECT_EQ(StemOf("report.v2"), "report.v2");
  EXPECT_EQ(StemOf("news.jsonl.gz"), "news");
  EXPECT_EQ(StemOf("-"), "stdin");
}

TEST(UrlTest, HostWithoutWwwAndPort) {
  EXPECT_EQ(HostOfUrl("https://www.BBC.com/news/x?y=1"), "bbc.com");
  EXPECT_EQ(HostOfUrl("http://user@example.org:8080/"), "example.org");
  EXPECT_EQ(HostOfUrl("not a url"), "");
}

// ---- plain text -------------------------------------------------------------------

TEST(TextReaderTest, HeaderLinesGiveMetadata) {
  std::string t =
      "title: Allies meet in Brussels\n"
      "url: https://www.example-news.org/2021/06/14/allies\n"
      "date: 2021-06-14\n"
      "author: A. Writer\n"
      "\n"
      "Ministers met on Monday.\n\nThey disagreed on timing.\n";
  Result<Document> d = ReadTextDocument(t, "in/2021-allies.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->id, "2021-allies");
  EXPECT_EQ(d->file, "in/2021-allies.txt");
  EXPECT_EQ(d->title, "Allies meet in Brussels");
  EXPECT_EQ(d->url, "https://www.example-news.org/2021/06/14/allies");
  EXPECT_EQ(d->date, "2021-06-14");
  EXPECT_EQ(d->author, "A. Writer");
  EXPECT_EQ(d->text, "Ministers met on Monday.\n\nThey disagreed on timing.");
}

TEST(TextReaderTest, SourceIsAnOutletAlias) {
  TextHeader h = ParseTextHeader("source: The Daily Example\n\nBody");
  EXPECT_EQ(h.outlet, "The Daily Example");
  EXPECT_EQ(h.body_offset, std::string("source: The Daily Example\n\n").size());
}

TEST(TextReaderTest, ProseWithAColonIsNotAHeader) {
  std::string t = "Warning: the talks failed.\nMore text here.\n\nSecond paragraph.";
  TextHeader h = ParseTextHeader(t);
  EXPECT_EQ(h.body_offset, 0u);
  Result<Document> d = ReadTextDocument(t, "x.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text.substr(0, 8), "Warning:");
  EXPECT_EQ(d->date, "");  // never invented
}

TEST(TextReaderTest, UnreadableHeaderDateIsReportedAndLeftEmpty) {
  std::vector<Status> warnings;
  Result<Document> d = ReadTextDocument("date: sometime soon\n\nBody text.", "x.txt",
                                        [&](const Status& s) { warnings.push_back(s); });
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->date, "");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0].ToString(), HasSubstr("x.txt: unrecognised date"));
}

TEST(TextReaderTest, HeaderOnlyFileHasNoText) {
  Result<Document> d = ReadTextDocument("title: Nothing\n\n   \n", "x.txt");
  EXPECT_FALSE(d.ok());
}

// ---- JSON -------------------------------------------------------------------------

TEST(JsonReaderTest, NewsPleaseRecord) {
  std::string line =
      R"({"authors": ["Jane Roe", "John Doe"], "date_download": "2022-04-01 10:00:00",)"
      R"( "date_publish": "2022-03-29 08:15:00", "language": "en", "maintext": "Body one.\n\nBody two.",)"
      R"( "source_domain": "www.example-news.org", "title": "A headline",)"
      R"( "url": "https://www.example-news.org/a"})";
  Collected c;
  ReadJsonLines(line + "\n", "np.jsonl", c.doc_sink(), c.error_sink());
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  const Document& d = c.docs[0];
  EXPECT_EQ(d.text, "Body one.\n\nBody two.");
  EXPECT_EQ(d.title, "A headline");
  EXPECT_EQ(d.date, "2022-03-29");
  EXPECT_EQ(d.author, "Jane Roe, John Doe");
  EXPECT_EQ(d.outlet, "www.example-news.org");
  EXPECT_EQ(d.language, "en");
  EXPECT_EQ(d.id, "np-1");
  EXPECT_EQ(d.file, "np.jsonl#1");
}

TEST(JsonReaderTest, CcNewsAndOtherFieldNames) {
  std::string jsonl =
      R"({"title": "t1", "text": "Text one.", "domain": "example.com", "date": "2019-01-02", "url": "https://example.com/1"})"
      "\n\n"
      R"({"ID": "abc", "content_original": "Text two.", "source": "Some Outlet", "authors": "R. Reporter", "date": ""})"
      "\n"
      R"({"id": 42, "articleBody": "Text three.", "publisher": {"name": "Publisher Inc"}, "datePublished": "2020-05-06T07:08:09Z", "author": [{"name": "A"}, {"name": "B"}]})"
      "\n";
  Collected c;
  ReadJsonLines(jsonl, "mix.jsonl", c.doc_sink(), c.error_sink());
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.docs[0].outlet, "example.com");
  EXPECT_EQ(c.docs[0].date, "2019-01-02");
  EXPECT_EQ(c.docs[0].file, "mix.jsonl#1");
  EXPECT_EQ(c.docs[1].id, "abc");
  EXPECT_EQ(c.docs[1].outlet, "Some Outlet");
  EXPECT_EQ(c.docs[1].date, "");
  EXPECT_EQ(c.docs[1].file, "mix.jsonl#3");
  EXPECT_EQ(c.docs[2].id, "42");
  EXPECT_EQ(c.docs[2].outlet, "Publisher Inc");
  EXPECT_EQ(c.docs[2].date, "2020-05-06");
  EXPECT_EQ(c.docs[2].author, "A, B");
}

TEST(JsonReaderTest, MalformedLinesAreReportedAndTheRestRead) {
  std::string jsonl =
      R"({"text": "good one"})" "\n"
      R"({"text": "broken)" "\n"
      R"(["not", "an object"])" "\n"
      R"({"title": "no text field"})" "\n"
      R"({"text": "good two"})" "\n";
  Collected c;
  ReadJsonLines(jsonl, "bad.jsonl", c.doc_sink(), c.error_sink());
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].text, "good two");
  ASSERT_EQ(c.errors.size(), 3u);
  EXPECT_THAT(c.errors[0].ToString(), HasSubstr("bad.jsonl:2: malformed JSON"));
  EXPECT_THAT(c.errors[1].ToString(), HasSubstr("bad.jsonl:3: record is not a JSON object"));
  EXPECT_THAT(c.errors[2].ToString(), HasSubstr("bad.jsonl:4: record has no text"));
}

TEST(JsonReaderTest, ArrayOfRecords) {
  Collected c;
  ReadJsonArray(R"([{"text": "a", "url": "https://x.org/a"}, {"body": "b"}, 3])", "arr.json",
                c.doc_sink(), c.error_sink());
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].file, "arr.json#2");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_THAT(c.errors[0].ToString(), HasSubstr("array element 3"));
}

// ---- the front door ---------------------------------------------------------------

TEST(DocumentReaderTest, GzipTextHtmlAndOutletFromUrl) {
  TempDir dir;
  WriteFile(dir / "a.txt.gz",
            GzipMember("url: https://www.example-news.org/x\n\nA short body about talks.\n"));
  WriteFile(dir / "b.html", "<!DOCTYPE html><html><body>Page text.</body></html>");
  WriteFile(dir / "c.jsonl.gz", GzipMember(R"({"text": "From JSON.", "id": "j1"})" "\n"));
  ReadOptions ro;
  ro.parse_html = FakeHtml;
  ro.detect_language = false;
  Collected c;
  DocumentReader reader(ro, c.doc_sink(), c.error_sink());
  reader.ReadPaths({dir.path()});
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[0].outlet, "example-news.org");
  EXPECT_EQ(c.docs[1].id, "b");
  EXPECT_EQ(c.docs[1].text, "Page text.");
  EXPECT_EQ(c.docs[2].id, "j1");
  EXPECT_EQ(reader.files(), 3u);
  EXPECT_EQ(reader.documents(), 3u);
}

TEST(DocumentReaderTest, HtmlFileWithoutMainTextIsAnError) {
  ReadOptions ro;
  ro.parse_html = FakeHtml;
  Collected c;
  DocumentReader reader(ro, c.doc_sink(), c.error_sink());
  reader.ReadBytes("<html><body>  </body></html>", "listing.html");
  reader.ReadBytes("<html><p>no body tag</p></html>", "odd.html");
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].ToString(), "listing.html: no main text found in the HTML page");
  EXPECT_EQ(c.errors[1].ToString(), "odd.html: no body");
}

TEST(DocumentReaderTest, DetectsLanguage) {
  Collected c;
  DocumentReader reader(ReadOptions{}, c.doc_sink(), c.error_sink());
  reader.ReadBytes(
      "The foreign ministers of the alliance met in Brussels on Tuesday to discuss the war, "
      "sanctions against Russia and the delivery of weapons to Ukraine. Several governments "
      "argued that talks with the Kremlin should wait until the fighting stops.",
      "en.txt");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].language, "en");
}

TEST(DocumentReaderTest, InvalidUtf8IsRepairedAndReported) {
  Collected c;
  DocumentReader reader(ReadOptions{}, c.doc_sink(), c.error_sink());
  reader.ReadBytes("First line.\nCaf\xE9 au lait.\n", "latin1.txt");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_THAT(c.docs[0].text, HasSubstr("Caf\xEF\xBF\xBD au"));
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_THAT(c.errors[0].ToString(), HasSubstr("latin1.txt:2: invalid UTF-8"));
}

TEST(DocumentReaderTest, SizeLimitEmptyAndBinary) {
  TempDir dir;
  WriteFile(dir / "big.txt", std::string(3000, 'a'));
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "blob.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 12));
  ReadOptions ro;
  ro.max_file_bytes = 2000;
  Collected c;
  DocumentReader reader(ro, c.doc_sink(), c.error_sink());
  reader.ReadPaths({dir / "big.txt", dir / "empty.txt", dir / "blob.bin", dir / "missing.txt"});
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 4u);
  EXPECT_THAT(c.errors[0].ToString(), HasSubstr("over the limit"));
  EXPECT_THAT(c.errors[1].ToString(), HasSubstr("empty file"));
  EXPECT_THAT(c.errors[2].ToString(), HasSubstr("binary data"));
  EXPECT_THAT(c.errors[3].ToString(), HasSubstr("no such file"));
  EXPECT_EQ(reader.errors(), 4u);
}

// ---- walking ----------------------------------------------------------------------

TEST(InputWalkerTest, SortedRecursiveSkippingHiddenAndDetectingLoops) {
  TempDir dir;
  WriteFile(dir / "b/2.txt", "x");
  WriteFile(dir / "b/1.txt", "x");
  WriteFile(dir / "a.txt", "x");
  WriteFile(dir / ".hidden/3.txt", "x");
  std::filesystem::create_directory_symlink(dir.path(), dir / "b/loop");
  std::vector<std::string> files;
  std::vector<Status> errors;
  WalkInputs({dir.path()}, [&](const std::string& f) { files.push_back(f); },
             [&](const Status& s) { errors.push_back(s); });
  EXPECT_THAT(files, ElementsAre(dir / "a.txt", dir / "b/1.txt", dir / "b/2.txt"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].ToString(), HasSubstr("b/loop: symbolic link loop"));
}

// ---- sidecar ----------------------------------------------------------------------

TEST(SidecarTest, JsonLinesKeyedByFileIdOrUrl) {
  std::vector<Status> errors;
  Result<Sidecar> sc = Sidecar::Parse(
      R"({"file": "x1.txt", "date": "2022-03-28", "outlet": "Outlet One"})" "\n"
      R"({"id": "doc2", "title": "Second"})" "\n"
      R"({"url": "https://example.org/3", "author": "C"})" "\n"
      R"({"date": "2020-01-01"})" "\n",
      "meta.jsonl", [&](const Status& s) { errors.push_back(s); });
  ASSERT_TRUE(sc.ok());
  EXPECT_EQ(sc->size(), 3u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].ToString(), HasSubstr("meta.jsonl:4: metadata row has no file"));

  Document a;
  a.file = "some/dir/x1.txt";
  a.id = "x1";
  a.date = "2023-03-31";  // the page's display date: the sidecar wins
  ASSERT_TRUE(sc->Apply(&a));
  EXPECT_EQ(a.date, "2022-03-28");
  EXPECT_EQ(a.outlet, "Outlet One");

  Document b;
  b.file = "in.jsonl#7";
  b.id = "doc2";
  ASSERT_TRUE(sc->Apply(&b));
  EXPECT_EQ(b.title, "Second");

  Document c;
  c.file = "other.html";
  c.url = "https://example.org/3";
  ASSERT_TRUE(sc->Apply(&c));
  EXPECT_EQ(c.author, "C");

  Document by_url_tail;  // a URL key is matched whole, not by its last segment
  by_url_tail.file = "dir/3.txt";
  EXPECT_FALSE(sc->Apply(&by_url_tail));

  Document none;
  none.file = "nothing.txt";
  none.date = "2001-01-01";
  EXPECT_FALSE(sc->Apply(&none));
  EXPECT_EQ(none.date, "2001-01-01");
}

TEST(SidecarTest, CsvWithQuotedFields) {
  std::vector<Status> errors;
  Result<Sidecar> sc = Sidecar::Parse(
      "file,date,outlet,title\n"
      "a.txt,2021-02-03,\"Outlet, Inc.\",\"He said \"\"no\"\"\"\n"
      "b.txt,2021-02-04\n",
      "meta.csv", [&](const Status& s) { errors.push_back(s); });
  ASSERT_TRUE(sc.ok());
  Document a;
  a.file = "a.txt";
  ASSERT_TRUE(sc->Apply(&a));
  EXPECT_EQ(a.date, "2021-02-03");
  EXPECT_EQ(a.outlet, "Outlet, Inc.");
  EXPECT_EQ(a.title, "He said \"no\"");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].ToString(), HasSubstr("meta.csv:3: expected 4 fields"));
}

TEST(SidecarTest, RealSeedsMetadataGivesSeed003ItsArticleDate) {
  FAULTLINE_REQUIRE_SHARED();
  std::string shared = testing::SharedDir();
  std::vector<Status> errors;
  Result<Sidecar> sc =
      Sidecar::Load(shared + "/seeds.meta.jsonl", [&](const Status& s) { errors.push_back(s); });
  ASSERT_TRUE(sc.ok()) << sc.status().ToString();
  EXPECT_TRUE(errors.empty());
  Collected c;
  ReadOptions ro;
  ro.detect_language = false;
  DocumentReader reader(ro, c.doc_sink(), c.error_sink());
  reader.ReadPaths({shared + "/seeds"});
  ASSERT_EQ(c.docs.size(), 5u);
  for (Document& d : c.docs) EXPECT_TRUE(sc->Apply(&d)) << d.file;
  EXPECT_EQ(c.docs[3].id.substr(0, 3), "003");
  EXPECT_EQ(c.docs[3].date, "2022-03-28");
  EXPECT_EQ(c.docs[0].date, "2022-03-29");
  EXPECT_EQ(c.docs[4].date, "2023-02-25");
  EXPECT_FALSE(c.docs[1].outlet.empty());
}

}  // namespace
}  // namespace faultline
