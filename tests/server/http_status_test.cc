// The one Status -> HTTP mapping and the error body's details.
#include "server/http_status.h"

#include <gtest/gtest.h>

namespace eucomply::server {
namespace {

TEST(HttpStatusTest, Mapping) {
  EXPECT_EQ(HttpStatusFor(StatusCode::kOk), 200);
  EXPECT_EQ(HttpStatusFor(StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(StatusCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(StatusCode::kCorruption), 500);
  EXPECT_EQ(HttpStatusFor(StatusCode::kInternal), 500);
}

TEST(HttpStatusTest, DetailsCarryPointerParameterOrPlace) {
  Status s(StatusCode::kInvalidArgument,
           std::vector<Problem>{Problem::AtPointer("request", "/attributes/voltage_ac", "must be a number"),
                                Problem::AtPointer("request", "", "must be an object"),
                                Problem::At("request", 3, 14, "malformed JSON: unexpected '}'"),
                                Problem::InQuery("from", "must be a year"),
                                Problem::Plain("something else")});
  // The messages keep the one-line forms the CLI prints.
  EXPECT_EQ(s.messages()[0], "request: /attributes/voltage_ac: must be a number");
  EXPECT_EQ(s.messages()[1], "request: /: must be an object");
  EXPECT_EQ(s.messages()[2], "request:3:14: malformed JSON: unexpected '}'");
  EXPECT_EQ(s.messages()[3], "query: from: must be a year");
  nlohmann::json j = ErrorJson(s);
  EXPECT_EQ(j["error"]["status"], 400);
  EXPECT_EQ(j["error"]["code"], "invalid_argument");
  const nlohmann::json& d = j["error"]["details"];
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0]["pointer"], "/attributes/voltage_ac");
  EXPECT_EQ(d[0]["message"], "must be a number");
  EXPECT_EQ(d[1]["pointer"], "");
  EXPECT_EQ(d[2]["pointer"], "");
  EXPECT_EQ(d[2]["line"], 3);
  EXPECT_EQ(d[2]["column"], 14);
  EXPECT_EQ(d[2]["message"], "malformed JSON: unexpected '}'");
  EXPECT_EQ(d[3]["parameter"], "from");
  EXPECT_EQ(d[3]["message"], "must be a year");
  EXPECT_FALSE(d[4].contains("pointer"));
  EXPECT_EQ(d[4]["message"], "something else");
}

// A message that only looks like a place is not parsed: the place comes from the Problem.
TEST(HttpStatusTest, PlainMessagesAreNotParsed) {
  nlohmann::json j = ErrorJson(Status::InvalidArgument("query: from: looks like a place"));
  const nlohmann::json& d = j["error"]["details"];
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].contains("parameter"));
  EXPECT_EQ(d[0]["message"], "query: from: looks like a place");
}

TEST(HttpStatusTest, TableRowsCarryRowAndField) {
  Status s = Status::InvalidArgument(Problem::InRow("catalogue.csv", 812, "gtin", "not a GTIN-13"));
  EXPECT_EQ(s.message(), "catalogue.csv: row 812: column gtin: not a GTIN-13");
  const nlohmann::json d = ErrorJson(s)["error"]["details"][0];
  EXPECT_EQ(d["row"], 812);
  EXPECT_EQ(d["field"], "gtin");
  EXPECT_EQ(d["message"], "not a GTIN-13");
}

}  // namespace
}  // namespace eucomply::server
