#include <gtest/gtest.h>

#include "alerts/report_reader.h"
#include "alerts/search.h"

namespace eucomply::alerts {
namespace {

TEST(FtsQueryTest, QuotesWordsAndKeepsPhrases) {
  EXPECT_EQ(BuildFtsQuery("nickel necklace", false), "\"nickel\" \"necklace\"");
  EXPECT_EQ(BuildFtsQuery("nickel necklace", true), "\"nickel\" OR \"necklace\"");
  EXPECT_EQ(BuildFtsQuery("\"small parts\" doll*", false), "\"small parts\" \"doll\"*");
  // FTS5 syntax in user input is only words, except OR in capitals between two terms.
  EXPECT_EQ(BuildFtsQuery("NOT toys AND (fire) OR x:y", false),
            "\"NOT\" \"toys\" \"AND\" (\"fire\" OR \"x\") \"y\"");
  EXPECT_EQ(BuildFtsQuery("toy phthalate OR DEHP OR DBP", false), "\"toy\" (\"phthalate\" OR \"DEHP\" OR \"DBP\")");
  EXPECT_EQ(BuildFtsQuery("OR toys OR", false), "\"toys\"");  // no term to join: dropped
  EXPECT_EQ(BuildFtsQuery("chargers or cables", false), "\"chargers\" \"or\" \"cables\"");  // lower case: a word
  EXPECT_EQ(ExactKey("  Lovely  happy-Doll! "), "lovely happy doll");
  EXPECT_EQ(BuildFtsQuery("EN 71-1", false), "\"EN\" \"71\" \"1\"");
  EXPECT_EQ(BuildFtsQuery("  ,;!  ", false), "");
  EXPECT_EQ(BuildFtsQuery("\"unclosed phrase", false), "\"unclosed phrase\"");
  EXPECT_EQ(BuildFtsQuery("Spielzeug für Kinder", false), "\"Spielzeug\" \"für\" \"Kinder\"");
}

TEST(FacetNameTest, RoundTrip) {
  for (Facet f : kAllFacets) EXPECT_EQ(FacetFromName(FacetName(f)), f);
  EXPECT_FALSE(FacetFromName("colour"));
}

TEST(SearchStoreTest, EmptyStoreAndBadInput) {
  auto store = AlertStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  AlertSearcher searcher(store->get());
  SearchRequest req;
  req.text = "anything";
  Result<SearchResponse> r = searcher.Search(req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 0);
  EXPECT_TRUE(r->hits.empty());
}

TEST(ReportReaderTest, PlainPassesThroughAndGarbageGzipFails) {
  EXPECT_EQ(*GunzipIfNeeded("<Safety-Gate/>"), "<Safety-Gate/>");
  Result<std::string> bad = GunzipIfNeeded(std::string("\x1f\x8b\x08\x00garbage", 12));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kCorruption);
  EXPECT_FALSE(ReadReportFile("/nonexistent/report_1.xml.gz").ok());
  EXPECT_NE(ContentFingerprint("a"), ContentFingerprint("b"));
  EXPECT_EQ(ContentFingerprint("abc"), ContentFingerprint("abc"));
}

}  // namespace
}  // namespace eucomply::alerts
