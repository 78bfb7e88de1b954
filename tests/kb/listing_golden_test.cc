// Listing goldens (tests/golden/listings.yaml; issue 11): real-world listing texts go through
// the text intake (lexicon and product recogniser) and the guided questions. For each, the
// expected category, the status of the acts listed, and the questions asked until nothing is
// undetermined, in order, answering each from the golden's `answers`. No question may ask for
// what the product's category already settles (its defaults).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <iostream>
#include <map>

#include "eucomply/engine.h"
#include "eucomply/intake.h"

namespace eucomply {
namespace {

struct Listing {
  std::string name, text, category;
  std::map<std::string, std::string> status;   // act short name -> status
  std::vector<std::string> questions;
  std::map<std::string, std::string> answers;  // attribute id (or "category") -> value
  std::vector<std::string> notes;               // "ACT/note_id" that must hold from the text alone
};

void PrintTo(const Listing& l, std::ostream* os) { *os << l.name; }

std::vector<Listing> LoadListings() {
  std::vector<Listing> out;
  YAML::Node root = YAML::LoadFile(std::string(EUCOMPLY_SOURCE_DIR) + "/tests/golden/listings.yaml");
  for (const auto& n : root["listings"]) {
    Listing l;
    l.name = n["name"].as<std::string>();
    l.text = n["text"].as<std::string>();
    l.category = n["category"].as<std::string>();
    for (const auto& kv : n["status"]) l.status[kv.first.as<std::string>()] = kv.second.as<std::string>();
    for (const auto& q : n["questions"]) l.questions.push_back(q.as<std::string>());
    if (n["answers"]) {
      for (const auto& kv : n["answers"]) l.answers[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
    for (const auto& q : n["notes"]) l.notes.push_back(q.as<std::string>());
    out.push_back(l);
  }
  return out;
}

class ListingGoldenTest : public ::testing::TestWithParam<Listing> {
 protected:
  static void SetUpTestSuite() {
    auto r = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    kb_ = *r;
  }
  static std::shared_ptr<const KnowledgeBase> kb_;
};
std::shared_ptr<const KnowledgeBase> ListingGoldenTest::kb_;

TEST_P(ListingGoldenTest, CategoryVerdictsAndQuestions) {
  const Listing& l = GetParam();
  const KnowledgeBase& kb = *kb_;
  Product p = Product::Empty(kb);
  ApplyTextIntake(kb, l.text, &p);
  EXPECT_EQ(p.category >= 0 ? kb.categories()[p.category].id : "-", l.category) << l.text;
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment a = Assess(kb, p, opts);
  for (const auto& [act, want] : l.status) {
    int i = kb.FindAct(act);
    ASSERT_GE(i, 0) << "unknown act " << act;
    EXPECT_EQ(VerdictStatusName(a.acts[i].status), want) << l.name << ": " << act;
  }
  for (const std::string& note : l.notes) {
    const size_t slash = note.find('/');
    int i = kb.FindAct(note.substr(0, slash));
    ASSERT_GE(i, 0) << note;
    bool found = false;
    for (const Reason& r : a.acts[i].reasons) {
      found = found || (r.kind == ReasonKind::kNote && r.rule && r.rule->id == note.substr(slash + 1));
    }
    EXPECT_TRUE(found) << l.name << ": the result does not say " << note;
  }
  std::vector<std::string> asked;
  for (int step = 0; step < 60; ++step) {
    auto q = NextQuestion(kb, p, opts, a);
    if (!q) break;
    if (q->attribute == kCategoryAttr) {
      asked.push_back("category");
      auto it = l.answers.find("category");
      ASSERT_NE(it, l.answers.end()) << l.name << ": the category is asked; the golden gives no answer";
      p.category = kb.FindCategory(it->second);
      ASSERT_GE(p.category, 0) << it->second;
      p.category_source = ValueSource::kGiven;
      ApplyCategoryDefaults(kb, &p);
    } else {
      const Attribute& attr = kb.attributes()[q->attribute];
      // "duty:" marks the obligations step (every act decided; the answer decides a duty).
      asked.push_back(q->for_obligations ? "duty:" + attr.id : attr.id);
      if (p.category >= 0) {
        for (const auto& [d, v] : kb.Defaults(p.category)) {
          EXPECT_NE(d, q->attribute) << l.name << ": asked " << attr.id << ", which its category settles";
        }
      }
      auto it = l.answers.find(attr.id);
      if (it == l.answers.end()) {
        ADD_FAILURE() << l.name << ": asked " << attr.id << "; the golden gives no answer";
        break;
      }
      auto v = ParseAttributeValue(attr, it->second);
      ASSERT_TRUE(v.ok()) << attr.id << ": " << v.status().ToString();
      p.Set(q->attribute, *v, ValueSource::kGiven);
    }
    a = Assess(kb, p, opts);
  }
  std::string got, want;
  for (const auto& s : asked) got += s + " ";
  for (const auto& s : l.questions) want += s + " ";
  EXPECT_EQ(got, want) << l.name << ": the questions asked";
  int undetermined = 0;
  for (const auto& v : a.acts) undetermined += v.status == VerdictStatus::kUndetermined;
  EXPECT_EQ(undetermined, 0) << l.name << ": acts left undetermined after the questions";
  for (const auto& v : a.acts) {
    for (const auto& o : v.obligations) {
      EXPECT_NE(o.status, VerdictStatus::kUndetermined)
          << l.name << ": " << kb.acts()[v.act].short_name << " obligation " << o.obligation->id
          << " left undetermined after the questions";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Listings, ListingGoldenTest, ::testing::ValuesIn(LoadListings()),
                         [](const ::testing::TestParamInfo<Listing>& info) { return info.param.name; });

}  // namespace
}  // namespace eucomply
