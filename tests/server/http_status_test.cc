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
           std::vector<std::string>{"request: /attributes/voltage_ac: must be a number",
                                    "request: /: must be an object",
                                    "request:3:14: malformed JSON: unexpected '}'",
                                    "query: from: must be a year",
                                    "something else"});
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

}  // namespace
}  // namespace eucomply::server
