// The OpenAPI document (src/server/openapi.json) against the router: the same routes and
// methods both ways, and a structural check of OpenAPI 3.0 (every operation has a 2xx
// answer, every path parameter is declared, every $ref resolves). The full schema
// validation runs in validate-openapi.sh with @seriousme/openapi-schema-validator.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "server/api.h"

namespace eucomply::server {
namespace {

using nlohmann::json;

json Doc() { return json::parse(OpenApiDocument()); }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(OpenApiTest, ServedDocumentIsTheFileInTheTree) {
  EXPECT_EQ(Doc()["openapi"].get<std::string>().substr(0, 2), "3.");
}

TEST(OpenApiTest, RoutesAndDocumentAgree) {
  std::set<std::string> in_router, in_doc;
  for (const Route& r : Routes()) in_router.insert(Lower(r.method) + " " + r.pattern);
  static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "options",
                                                 "head", "patch", "trace"};
  const json doc = Doc();
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (kMethods.count(method) != 0) in_doc.insert(method + " " + path);
    }
  }
  EXPECT_EQ(in_router, in_doc);
}

void CollectRefs(const json& j, std::vector<std::string>* refs) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      if (k == "$ref" && v.is_string()) refs->push_back(v.get<std::string>());
      else CollectRefs(v, refs);
    }
  } else if (j.is_array()) {
    for (const json& v : j) CollectRefs(v, refs);
  }
}

TEST(OpenApiTest, StructurallyValid) {
  json doc = Doc();
  ASSERT_TRUE(doc["info"]["title"].is_string());
  ASSERT_TRUE(doc["info"]["version"].is_string());
  std::vector<std::string> refs;
  CollectRefs(doc, &refs);
  ASSERT_FALSE(refs.empty());
  for (const std::string& ref : refs) {
    ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
    EXPECT_TRUE(doc.contains(json::json_pointer(ref.substr(1)))) << "unresolved " << ref;
  }
  auto resolve = [&](const json& p) {
    return p.contains("$ref") ? doc.at(json::json_pointer(p["$ref"].get<std::string>().substr(1))) : p;
  };
  std::set<std::string> operation_ids;
  for (const auto& [path, item] : doc["paths"].items()) {
    ASSERT_EQ(path[0], '/') << path;
    std::set<std::string> templated;
    std::regex param(R"(\{([^}]+)\})");
    for (auto it = std::sregex_iterator(path.begin(), path.end(), param); it != std::sregex_iterator(); ++it) {
      templated.insert((*it)[1]);
    }
    for (const auto& [method, op] : item.items()) {
      SCOPED_TRACE(method + " " + path);
      ASSERT_TRUE(op.contains("responses"));
      bool ok2xx = false;
      for (const auto& [code, resp] : op["responses"].items()) {
        if (code[0] == '2') ok2xx = true;
        EXPECT_TRUE(resolve(resp).contains("description"));
      }
      EXPECT_TRUE(ok2xx);
      ASSERT_TRUE(op["operationId"].is_string());
      EXPECT_TRUE(operation_ids.insert(op["operationId"]).second) << "duplicate operationId";
      std::set<std::string> declared;
      std::set<std::pair<std::string, std::string>> seen;
      for (const json& p : op.value("parameters", json::array())) {
        json q = resolve(p);
        ASSERT_TRUE(q["name"].is_string());
        ASSERT_TRUE(q["in"].is_string());
        EXPECT_TRUE(seen.emplace(q["name"], q["in"]).second) << "duplicate parameter " << q["name"];
        EXPECT_TRUE(q.contains("schema"));
        if (q["in"] == "path") {
          declared.insert(q["name"].get<std::string>());
          EXPECT_EQ(q.value("required", false), true) << q["name"];
        }
      }
      EXPECT_EQ(declared, templated);
      if (op.contains("requestBody")) {
        EXPECT_TRUE(op["requestBody"]["content"].contains("application/json"));
      }
    }
  }
}

// Every route of a text-returning endpoint documents ?lang (the web page relies on it).
TEST(OpenApiTest, TextRoutesDocumentLang) {
  json doc = Doc();
  for (const Route& r : Routes()) {
    if (!r.text) continue;
    const json& op = doc["paths"][r.pattern][Lower(r.method)];
    bool lang = false;
    for (const json& p : op["parameters"]) lang = lang || p.value("$ref", "") == "#/components/parameters/lang";
    EXPECT_TRUE(lang) << r.pattern;
  }
}

}  // namespace
}  // namespace eucomply::server
