// `alerts update` against a local stand-in for the Commission's endpoint
// (fake_safety_gate_server.py), serving the real shared files under the official paths.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "alerts/update.h"

extern char** environ;

namespace eucomply::alerts {
namespace {
namespace fs = std::filesystem;

const std::string kReports = std::string(EUCOMPLY_SHARED_DIR) + "/data/safety-gate/weekly-reports";

class FakeServer {
 public:
  FakeServer(const fs::path& ids_file, int fail_first) {
    std::string script = std::string(EUCOMPLY_ALERTS_TEST_DIR) + "/fake_safety_gate_server.py";
    std::string fail = std::to_string(fail_first);
    std::string ids = ids_file.string();
    std::vector<std::string> args = {"python3",    script, "--reports",    kReports,
                                     "--ids-file", ids,    "--fail-first", fail};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int out[2];
    if (pipe(out) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    if (posix_spawnp(&pid_, "python3", &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    FILE* f = fdopen(out[0], "r");
    char line[64] = {0};
    if (f != nullptr && std::fgets(line, sizeof line, f) != nullptr) {
      std::sscanf(line, "PORT %d", &port_);
    }
    if (f != nullptr) std::fclose(f);
  }
  ~FakeServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  int port() const { return port_; }
  std::string source() const {
    return "http://127.0.0.1:" + std::to_string(port_) +
           "/safety-gate-alerts/api/download/weeklyReport";
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

std::map<int64_t, int> Notifications() {
  std::map<int64_t, int> out;
  std::ifstream in(kReports + "/INDEX.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    int64_t id = 0;
    int n = 0;
    char date[16];
    int year = 0, week = 0;
    char file[64];
    if (std::sscanf(line.c_str(), "%63[^,],%ld,%15[^,],%d,%d,%d", file, &id, date, &year, &week, &n) == 6) {
      out[id] = n;
    }
  }
  return out;
}

class UpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("eucomply_update_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Publish(const std::vector<int64_t>& ids) {
    std::ofstream out(dir_ / "ids.txt");
    for (int64_t id : ids) out << id << "\n";
  }
  fs::path dir_;
};

TEST_F(UpdateTest, FetchesOnlyReportsNotYetImported) {
  Publish({100, 10000319, 101});
  FakeServer server(dir_ / "ids.txt", /*fail_first=*/1);  // every report fails once: retried
  ASSERT_GT(server.port(), 0);
  auto store = AlertStore::Open((dir_ / "alerts.sqlite").string());
  ASSERT_TRUE(store.ok());
  UpdateOptions opts;
  opts.source = server.source();
  opts.backoff_seconds = 0.01;
  int progress_calls = 0;
  opts.on_progress = [&](const ImportProgress&) { ++progress_calls; };
  Result<UpdateSummary> first = UpdateFromSource(**store, opts);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->listed, 3);
  EXPECT_EQ(first->downloaded, 3);
  EXPECT_EQ(first->failed, 0) << (first->errors.empty() ? "" : first->errors[0]);
  EXPECT_EQ(progress_calls, 3);
  std::map<int64_t, int> n = Notifications();
  EXPECT_EQ(first->alerts_added, n[100] + n[101] + n[10000319]);
  EXPECT_EQ(*(*store)->OfficialReportIds(), (std::vector<int64_t>{100, 101, 10000319}));

  // A week later: one new report, and one listed but missing on the server.
  Publish({100, 101, 102, 10000319, 99999999});
  Result<UpdateSummary> second = UpdateFromSource(**store, opts);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->already_imported, 3);
  EXPECT_EQ(second->downloaded, 1);
  EXPECT_EQ(second->failed, 1);
  ASSERT_EQ(second->errors.size(), 1u);
  EXPECT_NE(second->errors[0].find("report 99999999"), std::string::npos) << second->errors[0];
  EXPECT_NE(second->errors[0].find("HTTP 404"), std::string::npos) << second->errors[0];
  EXPECT_EQ(second->alerts_added, n[102]);
  EXPECT_EQ(*(*store)->AlertCount(), n[100] + n[101] + n[102] + n[10000319]);
}

TEST_F(UpdateTest, GivesUpAfterTheRetriesAndSaysSo) {
  Publish({100});
  FakeServer server(dir_ / "ids.txt", /*fail_first=*/5);
  ASSERT_GT(server.port(), 0);
  auto store = AlertStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  UpdateOptions opts;
  opts.source = server.source();
  opts.attempts = 2;
  opts.backoff_seconds = 0.01;
  Result<UpdateSummary> s = UpdateFromSource(**store, opts);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->failed, 1);
  ASSERT_EQ(s->errors.size(), 1u);
  EXPECT_NE(s->errors[0].find("HTTP 503 (after 2 attempts)"), std::string::npos) << s->errors[0];
  EXPECT_EQ(*(*store)->AlertCount(), 0);
}

TEST(UpdateOfflineTest, UnreachableSourceIsAnError) {
  auto store = AlertStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  UpdateOptions opts;
  opts.source = "http://127.0.0.1:9/safety-gate-alerts/api/download/weeklyReport";
  opts.attempts = 1;
  Result<UpdateSummary> s = UpdateFromSource(**store, opts);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(s.status().message().find("/list/xml/en"), std::string::npos);
}

TEST(ReportListTest, ParsesIdsFromReferenceOrUrl) {
  std::vector<std::string> problems;
  Result<std::vector<ListedReport>> r = ParseReportList(
      "<weeklyReports><weeklyReport><reference>10000002</reference><year>2020</year>"
      "<week>28</week></weeklyReport><weeklyReport><reference>WR-1</reference><URL>"
      "https://x/weeklyReport/detail/xml/10000001?language=en</URL></weeklyReport>"
      "<weeklyReport><reference/></weeklyReport><weeklyReport><reference>10000002"
      "</reference></weeklyReport></weeklyReports>",
      &problems);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].id, 10000001);
  EXPECT_EQ((*r)[1].id, 10000002);
  EXPECT_EQ((*r)[1].week, 28);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("entry 3"), std::string::npos);
  EXPECT_FALSE(ParseReportList("<weeklyReports>", nullptr).ok());
}

TEST(ReportListTest, Urls) {
  EXPECT_EQ(ListUrl("https://h/api/"), "https://h/api/list/xml/en");
  EXPECT_EQ(ReportUrl("https://h/api", 12),
            "https://h/api/detail/xml/12?language=en&search=WEB_REPORT%7C:%7C12");
}

}  // namespace
}  // namespace eucomply::alerts
