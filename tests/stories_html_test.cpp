// The stories page (`faultline stories --format html`): self-contained, the data as JSON
// that article text cannot break out of, and drawn by a browser when one is installed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "ingest_test_util.h"

namespace faultline {
namespace {

using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

const char* kReport =
    "The ferry line between Ostrand and Kelby will close in March after the operator lost its subsidy, "
    "the regional transport office said on Monday. About four hundred commuters use the ferry each day and "
    "the office promised a replacement bus service until a new operator is found.";
const char* kRelay =
    "The Ostrand to Kelby ferry line closes in March because its operator lost the subsidy, the regional "
    "transport office said on Monday, according to Harbour Post. Some four hundred daily commuters will get a "
    "replacement bus until a new operator is found.";

TEST(StoriesHtmlTest, OnePageWithTheStoryAndNoLiveMarkupFromTheText) {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "title: Ferry line to close </script><script>alert(1)</script>\noutlet: Harbour Post\n"
                              "date: 2024-02-05\n\n" + std::string(kReport) + "\n");
  WriteFile(dir / "in/b.txt", "title: Ostrand ferry closes <img src=x onerror=alert(2)>\noutlet: Coast Wire\n"
                              "date: 2024-02-06\n\n" + std::string(kRelay) + "\n");
  const auto r = RunCli("stories --no-statements --format html -o " + dir / "s.html" + " " + dir / "in", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = testing::ReadWholeFile(dir / "s.html");
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("Content-Security-Policy"), std::string::npos);
  EXPECT_EQ(page.find("src=\"http"), std::string::npos);  // nothing loaded from elsewhere
  // The titles travel as JSON with < and > escaped: exactly the page's own two scripts.
  size_t scripts = 0;
  for (size_t at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1)) ++scripts;
  EXPECT_EQ(scripts, 2u);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_NE(page.find("\\u003cimg src=x"), std::string::npos);
  EXPECT_NE(page.find("\"origin\":{\"outlet\":\"Harbour Post\""), std::string::npos);
  EXPECT_NE(page.find("1 told by more than one document"), std::string::npos);

  // --min-documents 2 leaves single stories out of the page.
  WriteFile(dir / "in/c.txt", "title: Budget\noutlet: Capital Times\ndate: 2024-02-06\n\n"
                              "The regional parliament passed the budget after a night of debate over school funding.\n");
  const auto m = RunCli("stories --no-statements --format html --min-documents 2 -o " + dir / "m.html" + " " +
                            dir / "in", dir);
  ASSERT_EQ(m.exit_code, 0) << m.err;
  const std::string mp = testing::ReadWholeFile(dir / "m.html");
  EXPECT_EQ(mp.find("night of debate"), std::string::npos);
  EXPECT_NE(mp.find("\"hidden\":1"), std::string::npos);
}

TEST(StoriesHtmlTest, ABrowserDrawsThePage) {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0) GTEST_SKIP() << "chromium is not installed";
  TempDir dir;
  WriteFile(dir / "in/a.txt", "title: Ferry line to close\noutlet: Harbour Post\ndate: 2024-02-05\n\n" +
                                  std::string(kReport) + "\n");
  WriteFile(dir / "in/b.txt", "title: Ostrand ferry to close, Harbour Post reports\noutlet: Coast Wire\ndate: 2024-02-06\n\n" +
                                  std::string(kRelay) + "\n");
  ASSERT_EQ(RunCli("stories --no-statements --format html -o " + dir / "s.html" + " " + dir / "in", dir).exit_code, 0);
  const std::string cmd = "timeout 60 chromium --headless --no-sandbox --disable-gpu --user-data-dir=" + dir / "profile" +
                          " --dump-dom file://" + dir / "s.html" + " >" + dir / "dom.html" + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string dom = testing::ReadWholeFile(dir / "dom.html");
  EXPECT_NE(dom.find("data-rendered=\"yes\""), std::string::npos);
  EXPECT_NE(dom.find("S1: 2 document(s), 2 outlet(s), 1 independent origin(s)"), std::string::npos);
  EXPECT_NE(dom.find("chain: Coast Wire (2024-02-06) \xE2\x86\x90 Harbour Post"), std::string::npos) << "the relay's chain";
}

}  // namespace
}  // namespace faultline
