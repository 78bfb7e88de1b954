// Replays fuzz/alerts/corpus through the fuzz target, so its checks run in every build.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "alerts/report_reader.h"
#include "alerts/weekly_report_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace eucomply::alerts {
namespace {
namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(EUCOMPLY_SOURCE_DIR) / "fuzz" / "alerts" / "corpus";

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(FuzzReplayTest, CorpusRunsClean) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    std::string bytes = ReadAll(entry.path());
    EXPECT_EQ(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0)
        << entry.path();
    ++files;
  }
  EXPECT_GE(files, 5);
}

// The seeds mean what their names say: the corpus is also a small golden set.
TEST(FuzzReplayTest, SeedsParseAsExpected) {
  Result<std::string> gz = ReadReportFile((kCorpus / "report_2026.xml.gz").string());
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ(*gz, ReadAll(kCorpus / "report_2026.xml"));
  Result<WeeklyReport> r = ParseWeeklyReport(*gz);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->alerts.size(), 2u);
  EXPECT_EQ(r->alerts[0].standards, (std::vector<std::string>{"EN 71-1"}));
  ASSERT_EQ(r->alerts[0].acts.size(), 2u);
  EXPECT_EQ(r->alerts[0].acts[0].celex, "32006R1907");
  EXPECT_EQ(r->alerts[0].acts[1].celex, "32009L0048");
  ASSERT_EQ(r->alerts[0].barcodes.size(), 2u);
  EXPECT_TRUE(r->alerts[0].barcodes[0].valid);
  EXPECT_FALSE(r->alerts[0].barcodes[1].valid);
  EXPECT_EQ(r->alerts[1].acts[0].celex, "32014L0035");
  EXPECT_EQ(r->alerts[1].standards, (std::vector<std::string>{"EN 62368-1"}));

  Result<WeeklyReport> odd = ParseWeeklyReport(ReadAll(kCorpus / "report_odd.xml"));
  ASSERT_TRUE(odd.ok());
  EXPECT_GE(odd->warnings.size(), 3u);
  EXPECT_TRUE(odd->alerts[0].risks.empty());
  EXPECT_FALSE(ParseWeeklyReport(ReadAll(kCorpus / "truncated.xml")).ok());
  EXPECT_FALSE(ReadReportFile((kCorpus / "truncated.xml.gz").string()).ok());
}

}  // namespace
}  // namespace eucomply::alerts
