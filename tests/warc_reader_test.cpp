// WARC parsing: a synthetic file covering the HTTP cases, and the real Common Crawl
// sample in ../shared (record count, URIs, payloads, content types).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "ingest/gzip.h"
#include "ingest/read_documents.h"
#include "ingest/warc_reader.h"
#include "ingest_test_util.h"

namespace faultline {
namespace {

using ::testing::HasSubstr;
using testing::GzipMember;

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type = "application/http; msgtype=response",
                   const std::string& id = "urn:uuid:00000000-0000-0000-0000-000000000001") {
  std::string h = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
                  "\r\nWARC-Date: 2022-03-29T10:00:00Z\r\nWARC-Record-ID: <" + id +
                  ">\r\nContent-Type: " + content_type +
                  "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return h + block + "\r\n\r\n";
}

std::string Http(const std::string& status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

struct Handed {
  std::string bytes, url, content_type;
};

TEST(WarcReaderTest, RecordsAndHttpCases) {
  std::string page = "<html><body>Plain page.</body></html>";
  std::string chunked = "9\r\n<html><bo\r\n1e;ext=1\r\ndy>Chunked page.</body></html>\r\n0\r\n\r\n";
  std::string gz_page = GzipMember("<html><body>Gzipped page.</body></html>");
  std::string warc =
      Record("warcinfo", "", "software: test\r\n", "application/warc-fields") +
      Record("request", "https://a.example/1", "GET /1 HTTP/1.1\r\n\r\n",
             "application/http; msgtype=request") +
      Record("response", "https://a.example/1",
             Http("200 OK", "Content-Type: text/html; charset=windows-1252\r\n", page), "application/http; msgtype=response",
             "urn:uuid:11111111-2222-3333-4444-555555555555") +
      Record("response", "https://a.example/2",
             Http("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked)) +
      Record("response", "https://a.example/3",
             Http("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz_page)) +
      Record("response", "https://a.example/4",
             Http("301 Moved Permanently", "Location: /x\r\nContent-Type: text/html\r\n", page)) +
      Record("response", "https://a.example/5.png",
             Http("200 OK", "Content-Type: image/png\r\n", "\x89PNG")) +
      Record("metadata", "https://a.example/1", "fetchTimeMs: 1\r\n", "application/warc-fields") +
      Record("resource", "https://a.example/6", "<html><body>Archived.</body></html>",
             "text/html; charset=utf-8");

  // Record level.
  // `block` is valid during the callback only (the reader may free the bytes behind it,
  // as it does for a gzipped WARC): keep a copy of each for the HTTP-level checks.
  std::vector<WarcRecord> records;
  std::vector<std::string> blocks;
  std::vector<Status> errors;
  ForEachWarcRecord(warc, "t.warc",
                    [&](const WarcRecord& r) {
                      records.push_back(r);
                      blocks.emplace_back(r.block);
                    },
                    [&](const Status& s) { errors.push_back(s); });
  ASSERT_TRUE(errors.empty()) << errors[0].ToString();
  ASSERT_EQ(records.size(), 9u);
  EXPECT_EQ(records[0].type, "warcinfo");
  EXPECT_EQ(records[2].version, "WARC/1.1");
  EXPECT_EQ(records[2].target_uri, "https://a.example/1");
  EXPECT_EQ(records[2].record_id, "urn:uuid:11111111-2222-3333-4444-555555555555");
  EXPECT_EQ(records[2].index, 3);

  // HTTP level.
  Result<HttpResponse> chunk = ParseHttpResponse(blocks[3], 1 << 20);
  ASSERT_TRUE(chunk.ok()) << chunk.status().ToString();
  EXPECT_EQ(chunk->body, "<html><body>Chunked page.</body></html>");
  Result<HttpResponse> gz = ParseHttpResponse(blocks[4], 1 << 20);
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ(gz->body, "<html><body>Gzipped page.</body></html>");
  Result<HttpResponse> moved = ParseHttpResponse(blocks[5], 1 << 20);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->status, 301);

  // Document level: only the three 200 HTML pages and the HTML resource reach the parser.
  std::vector<Handed> handed;
  HtmlParser fake = [&](std::string_view b, std::string_view u, std::string_view ct) -> Result<HtmlPage> {
    handed.push_back({std::string(b), std::string(u), std::string(ct)});
    HtmlPage p;
    if (u != "https://a.example/2") p.text = "text of " + std::string(u);  // 2: a listing
    return p;
  };
  std::vector<Document> docs;
  ReadWarcDocuments(warc, "t.warc", 1 << 20, fake, [&](Document&& d) { docs.push_back(d); },
                    [&](const Status& s) { errors.push_back(s); });
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(handed.size(), 4u);
  EXPECT_EQ(handed[3].bytes, "<html><body>Archived.</body></html>");
  EXPECT_EQ(handed[3].content_type, "text/html; charset=utf-8");
  EXPECT_EQ(handed[0].bytes, page);
  EXPECT_EQ(handed[0].content_type, "text/html; charset=windows-1252");
  // The page without main text is skipped without an error.
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[2].file, "t.warc#9");
  EXPECT_EQ(docs[0].id, "11111111-2222-3333-4444-555555555555");
  EXPECT_EQ(docs[0].file, "t.warc#3");
  EXPECT_EQ(docs[0].url, "https://a.example/1");
  EXPECT_EQ(docs[1].text, "text of https://a.example/3");
}

TEST(WarcReaderTest, TruncatedAndMalformedRecords) {
  std::string good = Record("response", "https://a.example/1",
                            Http("200 OK", "Content-Type: text/html\r\n", "<html></html>"));
  std::vector<Status> errors;
  int n = 0;
  ForEachWarcRecord(good + good.substr(0, good.size() - 10), "cut.warc",
                    [&](const WarcRecord&) { ++n; }, [&](const Status& s) { errors.push_back(s); });
  EXPECT_EQ(n, 1);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].ToString(), HasSubstr("cut.warc#2: truncated WARC record"));

  errors.clear();
  n = 0;
  std::string no_length = "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n";
  ForEachWarcRecord(no_length + good, "bad.warc", [&](const WarcRecord&) { ++n; },
                    [&](const Status& s) { errors.push_back(s); });
  EXPECT_EQ(n, 1);  // resynchronised on the next record
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].ToString(), HasSubstr("bad.warc#1: WARC record without a valid Content-Length"));
}

TEST(WarcReaderTest, StreamsFilesLargerThanTheLimitAndSkipsOversizedRecords) {
  testing::TempDir dir;
  // 300 records of ~10 KB, one gzip member each (as crawlers write them), ~3 MB in
  // all; the limit is 1 MB, so only streaming can read the file, and record 150 is
  // over the limit on its own.
  std::string gz;
  for (int i = 0; i < 300; ++i) {
    std::string filler(i == 150 ? (2 << 20) : 10000, static_cast<char>('a' + i % 26));
    gz += GzipMember(Record("response", "https://a.example/" + std::to_string(i),
                            Http("200 OK", "Content-Type: text/html\r\n",
                                 "<html><body>Page " + std::to_string(i) + " " + filler + "</body></html>")));
  }
  testing::WriteFile(dir / "big.warc.gz", gz);
  ReadOptions ro;
  ro.max_file_bytes = 1 << 20;
  ro.detect_language = false;
  ro.parse_html = [](std::string_view b, std::string_view, std::string_view) -> Result<HtmlPage> {
    HtmlPage p;
    p.text = std::string(b.substr(12, 10));
    return p;
  };
  std::vector<Document> docs;
  std::vector<Status> errors;
  DocumentReader reader(ro, [&](Document&& d) { docs.push_back(d); },
                        [&](const Status& s) { errors.push_back(s); });
  reader.ReadFile(dir / "big.warc.gz");
  EXPECT_EQ(docs.size(), 299u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].ToString(), HasSubstr("big.warc.gz#151: WARC record of 2 MB is over the limit"));
  EXPECT_EQ(docs[150].url, "https://a.example/151");

  // Cut the file in the middle: the records before the cut are read, one error.
  testing::WriteFile(dir / "cut.warc.gz", gz.substr(0, gz.size() / 3));
  docs.clear();
  errors.clear();
  reader.ReadFile(dir / "cut.warc.gz");
  EXPECT_GT(docs.size(), 50u);
  EXPECT_LT(docs.size(), 150u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].ToString(), HasSubstr("cut.warc.gz: truncated gzip"));
}

TEST(WarcReaderTest, RealCommonCrawlSample) {
  FAULTLINE_REQUIRE_SHARED();
  std::string path = testing::SharedDir() + "/bench/warc/resiliparse_commoncrawl_2020_sample.warc.gz";
  std::string gz = testing::ReadWholeFile(path);
  Result<std::string> warc = Gunzip(gz, 64 << 20);  // 50 gzip members, one per record
  ASSERT_TRUE(warc.ok()) << warc.status().ToString();

  std::map<std::string, int> types;
  std::vector<std::string> response_uris;
  std::vector<Status> errors;
  ForEachWarcRecord(*warc, path, [&](const WarcRecord& r) {
    ++types[r.type];
    if (r.type == "response") response_uris.push_back(r.target_uri);
  }, [&](const Status& s) { errors.push_back(s); });
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(types["warcinfo"], 1);
  EXPECT_EQ(types["request"], 17);
  EXPECT_EQ(types["response"], 16);
  EXPECT_EQ(types["metadata"], 16);
  ASSERT_EQ(response_uris.size(), 16u);
  EXPECT_EQ(response_uris.front(), "http://003338.cn/l41/481397.html");
  EXPECT_EQ(response_uris.back(), "http://096355.com/video/11073.html?11073-0-2");

  // What the HTML stage is handed: every response is a 200 HTML page.
  std::vector<Handed> handed;
  HtmlParser fake = [&](std::string_view b, std::string_view u, std::string_view ct) -> Result<HtmlPage> {
    handed.push_back({std::string(b), std::string(u), std::string(ct)});
    HtmlPage p;
    p.text = "x";
    return p;
  };
  std::vector<Document> docs;
  ReadOptions ro;
  ro.parse_html = fake;
  ro.detect_language = false;
  DocumentReader reader(ro, [&](Document&& d) { docs.push_back(d); },
                        [&](const Status& s) { errors.push_back(s); });
  reader.ReadFile(path);
  EXPECT_TRUE(errors.empty()) << errors[0].ToString();
  ASSERT_EQ(handed.size(), 16u);
  ASSERT_EQ(docs.size(), 16u);
  EXPECT_EQ(handed[0].url, "http://003338.cn/l41/481397.html");
  EXPECT_EQ(handed[0].bytes.size(), 36331u);
  EXPECT_EQ(handed[0].content_type, "text/html");
  EXPECT_EQ(handed[1].url, "http://01spb.ru/company/");
  EXPECT_EQ(handed[1].bytes.size(), 104567u);
  EXPECT_EQ(handed[1].content_type, "text/html; charset=windows-1251");
  EXPECT_EQ(handed[3].content_type, "text/html; charset=gb2312");
  for (const Handed& h : handed) EXPECT_THAT(h.bytes.substr(0, 2000), HasSubstr("<"));
  EXPECT_EQ(docs[0].id, "c4c112a5-3503-4483-abf8-51a0dd86dd53");
  EXPECT_EQ(docs[0].file, path + "#3");
  EXPECT_EQ(docs[0].outlet, "003338.cn");
}

}  // namespace
}  // namespace faultline
