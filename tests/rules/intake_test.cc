// Free-text intake on a small knowledge base written by the test (so the cases do not move
// when knowledge/ grows): terms, longest match, category choice, quantities, negation,
// evidence, and given values winning. A last group checks knowledge/lexicon.yaml itself.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "eucomply/intake.h"
#include "eucomply/engine.h"
#include "eucomply/report.h"

namespace eucomply {
namespace {

constexpr const char* kAttributes = R"(attributes:
  - {id: consumer_product, type: bool, label: {en: "Consumer product", zh: "消费品"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: has_radio, type: bool, label: {en: "Radio", zh: "无线电"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: internet_connected, type: bool, label: {en: "Internet", zh: "联网"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: has_battery, type: bool, label: {en: "Battery", zh: "电池"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: is_electrical, type: bool, label: {en: "Electrical", zh: "电气"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: voltage_ac, type: number, unit: V, label: {en: "Rated AC voltage", zh: "额定交流电压"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: voltage_dc, type: number, unit: V, label: {en: "Rated DC voltage", zh: "额定直流电压"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: rated_power, type: number, unit: W, label: {en: "Rated power", zh: "额定功率"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: motor_power, type: number, unit: W, label: {en: "Maximum continuous rated motor power", zh: "电机最大持续额定功率"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: max_design_speed, type: number, unit: km/h, label: {en: "Maximum design speed", zh: "最高设计车速"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: max_assisted_speed, type: number, unit: km/h, label: {en: "Speed at which motor assistance cuts off", zh: "助力切断车速"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: motor_vehicle, type: bool, label: {en: "Motor vehicle", zh: "机动车"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - {id: min_user_age, type: number, unit: years, label: {en: "Youngest intended user", zh: "最小适用年龄"}, question: {en: "?", zh: "？"}, why: {en: ".", zh: "。"}}
  - id: power_source
    type: set
    label: {en: "Power source", zh: "电源"}
    question: {en: "?", zh: "？"}
    why: {en: ".", zh: "。"}
    values:
      - {id: mains, en: "Mains", zh: "市电"}
      - {id: usb, en: "USB", zh: "USB"}
      - {id: battery, en: "Battery", zh: "电池"}
)";

constexpr const char* kCategories = R"(categories:
  - {id: product, name: {en: "Product", zh: "产品"}}
  - {id: appliance, parent: product, name: {en: "Appliance", zh: "电器"}, defaults: {is_electrical: true}}
  - {id: charger, parent: appliance, name: {en: "Charger", zh: "充电器"}, defaults: {voltage_ac: 230 V}}
  - {id: brush, parent: product, name: {en: "Brush", zh: "刷子"}}
  - {id: toothbrush, parent: brush, name: {en: "Toothbrush", zh: "牙刷"}}
  - {id: electric_toothbrush, parents: [toothbrush, appliance], name: {en: "Electric toothbrush", zh: "电动牙刷"}}
  - {id: toy, parent: product, name: {en: "Toy", zh: "玩具"}, defaults: {consumer_product: true}}
  - {id: plush_toy, parent: toy, name: {en: "Plush toy", zh: "毛绒玩具"}, defaults: {has_battery: false}}
  - {id: clothing, parent: product, name: {en: "Clothing", zh: "服装"}}
  - {id: children_clothing, parent: clothing, name: {en: "Children's clothing", zh: "童装"}}
  - {id: hoodie, parent: clothing, name: {en: "Hoodie", zh: "卫衣"}}
  - {id: children_hoodie, parents: [children_clothing, hoodie], name: {en: "Children's hoodie", zh: "儿童卫衣"}}
  - {id: vehicle, parent: product, name: {en: "Vehicle", zh: "车辆"}}
  - {id: e_bike, parent: vehicle, name: {en: "E-bike", zh: "电动自行车"}, defaults: {motor_vehicle: true}}
)";

constexpr const char* kLexicon = R"(lexicon:
  - {terms: ["charger", "充电器"], category: charger}
  - {terms: ["brush", "刷子"], category: brush}
  - {terms: ["toothbrush", "牙刷"], category: toothbrush}
  - {terms: ["electric toothbrush", "电动牙刷"], category: electric_toothbrush}
  - {terms: ["toy", "玩具"], category: toy}
  - {terms: ["plush toy", "毛绒玩具"], category: plush_toy}
  - {terms: ["kids clothing", "童装"], category: children_clothing}
  - {terms: ["hoodie", "卫衣"], category: hoodie}
  - {terms: ["e-bike", "电动自行车"], category: e_bike}
  - {terms: ["wifi", "wi-fi", "无线网络"], set: {has_radio: true, internet_connected: true}}
  - {terms: ["bluetooth", "蓝牙"], set: {has_radio: true}}
  - {terms: ["battery", "电池"], set: {has_battery: true}}
  - {terms: ["sound module", "发声"], set: {is_electrical: true, has_battery: true}}
  - {terms: ["usb", "usb-c"], set: {power_source: [usb]}}
  - {terms: ["plug-in", "插电"], set: {power_source: [mains]}}
  - {terms: ["for babies", "婴儿"], set: {min_user_age: 0 years}}
units:
  - {unit_dimension: voltage, attribute_ac: voltage_ac, attribute_dc: voltage_dc}
  - {unit_dimension: age/time, attribute: min_user_age}
  - {unit_dimension: power, attribute: rated_power}
  - {unit_dimension: power, attribute: motor_power}
  - {unit_dimension: speed, attribute: max_design_speed}
  - {unit_dimension: speed, attribute: max_assisted_speed}
)";

constexpr const char* kVehicleAct = R"(celex: 39999L0002
short_name: VEH
number: "T2"
kind: regulation
title: {en: "Vehicle act", zh: "车辆法"}
summary: {en: "Test act.", zh: "测试法。"}
harmonised: false
ce_marking: false
scope:
  - id: vehicles
    when: "motor_vehicle and motor_power > 250 W"
    text: {en: "Vehicles", zh: "车辆"}
    cite: "TESTDOC Art. 2"
)";

constexpr const char* kAct = R"(celex: 39999L0001
short_name: ANY
number: "T1"
kind: directive
title: {en: "Any act", zh: "任意法"}
summary: {en: "Test act.", zh: "测试法。"}
harmonised: false
ce_marking: false
scope:
  - id: all
    when: "true"
    text: {en: "Everything", zh: "一切"}
    cite: "TESTDOC Art. 1"
)";

class IntakeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = LoadKnowledgeBaseFromSources({
        {"attributes/a.yaml", kAttributes},
        {"categories/c.yaml", kCategories},
        {"lexicon.yaml", kLexicon},
        {"acts/any.yaml", kAct},
        {"acts/veh.yaml", kVehicleAct},
        {"sources.yaml", "sources:\n  - id: TESTDOC\n    title: {en: \"Test\", zh: \"测试\"}\n"},
        {"roles.yaml",
         "roles:\n  - id: manufacturer\n    name: {en: \"Manufacturer\", zh: \"制造商\"}\n"
         "    definition: {en: \"Makes it.\", zh: \"制造者。\"}\n    cite: \"TESTDOC Art. 1\"\n"},
    });
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    kb_ = *r;
  }

  // The inferences as "attr=value [evidence]" strings, category as "category=id [evidence]".
  static std::map<std::string, std::string> Infer(const std::string& text) {
    std::map<std::string, std::string> out;
    for (const Inference& inf : InferFromText(*kb_, text)) {
      if (inf.attribute == kCategoryAttr) {
        if (inf.category < 0) {
          std::string c;
          for (const auto& [cat, p] : inf.candidates) c += (c.empty() ? "" : ",") + kb_->categories()[cat].id;
          out["candidates"] = c;
          continue;
        }
        out["category"] = kb_->categories()[inf.category].id + " [" + inf.evidence + "]";
      } else {
        const Attribute& a = kb_->attributes()[inf.attribute];
        out[a.id] = ValueToString(a, inf.value) + " [" + inf.evidence + "]";
      }
    }
    return out;
  }

  static std::shared_ptr<const KnowledgeBase> kb_;
};
std::shared_ptr<const KnowledgeBase> IntakeTest::kb_;

struct Case {
  const char* text;
  const char* key;       // "category" or an attribute id
  const char* expected;  // "value [evidence]"; "" means: nothing inferred for `key`
};

TEST_F(IntakeTest, TableOfCases) {
  const Case cases[] = {
      // Categories, English and Chinese; the longest match wins.
      {"Electric Toothbrush with 2 heads", "category", "electric_toothbrush [Electric Toothbrush]"},
      {"soft toothbrush", "category", "toothbrush [toothbrush]"},
      {"paint brush", "category", "brush [brush]"},
      {"儿童电动牙刷 声波", "category", "electric_toothbrush [电动牙刷]"},
      {"Plush toy with sound module for babies", "category", "plush_toy [Plush toy]"},
      {"毛绒玩具 发声", "category", "plush_toy [毛绒玩具]"},
      // Plural and hyphen variants; word boundaries.
      {"Two chargers in a box", "category", "charger [chargers]"},
      {"ebike 250W", "category", "e_bike [ebike]"},
      {"toothbrushes", "category", "toothbrush [toothbrushes]"},
      {"brushless motor", "category", ""},
      // The most specific of several named categories; run-together nouns: the last is the
      // product ("e-bike charger"); otherwise the first, before "with" / "for" / 带 / 适用.
      {"Toy, plush toy", "category", "plush_toy [plush toy]"},
      {"e-bike charger 42V", "category", "charger [charger]"},
      {"电动自行车充电器", "category", "charger [充电器]"},
      {"Charger for e-bike", "category", "charger [Charger]"},
      {"适用于电动自行车的充电器", "category", "charger [充电器]"},
      {"hoodie, toy print", "category", "hoodie [hoodie]"},
      // A category with several parents that are all named.
      {"童装 卫衣", "category", "children_hoodie [童装 + 卫衣]"},
      // Attributes from the lexicon, with their evidence.
      {"Smart plug Wi-Fi 16A", "has_radio", "true [Wi-Fi]"},
      {"Smart plug Wi-Fi 16A", "internet_connected", "true [Wi-Fi]"},
      {"蓝牙音箱", "has_radio", "true [蓝牙]"},
      {"USB-C charger", "power_source", "usb [USB-C]"},
      {"插电 USB 两用", "power_source", "mains,usb [插电, USB]"},
      {"for babies", "min_user_age", "0 years [for babies]"},
      // Negation; 无线 ("wireless") is a word, not 无 + 线.
      {"no battery needed", "has_battery", "false [no battery]"},
      {"Lamp without battery", "has_battery", "false [without battery]"},
      {"无电池 插电", "has_battery", "false [无电池]"},
      {"无线蓝牙", "has_radio", "true [蓝牙]"},
      {"non-battery", "has_battery", "false [non-battery]"},
      // Quantities: voltage AC/DC by words or by size, ranges, power by context.
      {"USB-C 充电器 5V 3A", "voltage_dc", "5 V [5V]"},
      {"Charger 230V AC", "voltage_ac", "230 V [230V]"},
      {"Input 100-240V, output 5V", "voltage_ac", "240 V [100-240V]"},
      {"Input 100-240V, output 5V", "voltage_dc", "5 V [5V]"},
      {"DC 12 V adapter", "voltage_dc", "12 V [12 V]"},
      {"AC 24V transformer", "voltage_ac", "24 V [24V]"},
      {"5V/9V/12V PD", "voltage_dc", "12 V [12V]"},
      {"交流220V 直流12V", "voltage_ac", "220 V [220V]"},
      {"hair dryer 2000W", "rated_power", "2000 W [2000W]"},
      {"hair dryer 2,000 W", "rated_power", "2000 W [2,000 W]"},
      {"ebike, 250 W motor", "motor_power", "250 W [250 W]"},
      {"ebike, 250 W motor", "rated_power", ""},
      {"电动自行车 电机250W", "motor_power", "250 W [250W]"},
      // No label word near it: the mapping an act tests for the category named wins.
      {"e-bike 350W", "motor_power", "350 W [350W]"},
      {"toothbrush 350W", "rated_power", "350 W [350W]"},
      {"e-scooter 25 km/h", "max_design_speed", "25 km/h [25 km/h]"},
      {"e-bike, motor assistance up to 25 km/h", "max_assisted_speed", "25 km/h [25 km/h]"},
      {"电动自行车 助力25km/h", "max_assisted_speed", "25 km/h [25km/h]"},
      {"5 W 3.7 V", "voltage_dc", "3.7 V [3.7 V]"},
      {"3,7V battery", "voltage_dc", "3.7 V [3,7V]"},
      // Ages.
      {"Toy for ages 3+ years", "min_user_age", "3 years [3+ years]"},
      {"Toy, ages 3+", "min_user_age", "3 years [3+]"},
      {"适合3岁以上", "min_user_age", "3 years [3岁以上]"},
      {"0-3个月 婴儿", "min_user_age", "0 years [0-3个月]"},
      {"3-6岁儿童", "min_user_age", "3 years [3-6岁]"},
      {"from 18 months", "min_user_age", "1.5 years [18 months]"},
      {"6m+ teether", "min_user_age", "0.5 years [6m+]"},
      {"plush toy for babies, 12 months and up", "min_user_age", "1 years [12 months]"},
      {"Not suitable for children under 36 months", "min_user_age", "3 years [36 months]"},
      {"毛绒玩具 0-3个月", "min_user_age", "0 years [0-3个月]"},
      {"2 years warranty", "min_user_age", ""},
      {"12 months warranty", "min_user_age", ""},
      {"保修12个月", "min_user_age", ""},
      {"30 days return", "min_user_age", ""},
      {"3岁以下", "min_user_age", ""},
      // Full-width characters as Chinese listings write them.
      {"充电器 ５Ｖ ２Ａ", "voltage_dc", "5 V [５Ｖ]"},
      {"ＷｉＦｉ 智能插座", "has_radio", "true [ＷｉＦｉ]"},
  };
  for (const Case& c : cases) {
    auto got = Infer(c.text);
    auto it = got.find(c.key);
    std::string actual = it == got.end() ? "" : it->second;
    EXPECT_EQ(actual, c.expected) << "text: " << c.text << "\n  key: " << c.key;
  }
}

TEST_F(IntakeTest, ReportsCategoryFirstThenTextOrder) {
  auto infs = InferFromText(*kb_, "Bluetooth plush toy with battery, 3V");
  ASSERT_GE(infs.size(), 4u);
  EXPECT_EQ(infs[0].attribute, kCategoryAttr);
  EXPECT_EQ(kb_->attributes()[infs[1].attribute].id, "has_radio");
  EXPECT_EQ(kb_->attributes()[infs[2].attribute].id, "has_battery");
  EXPECT_EQ(kb_->attributes()[infs[3].attribute].id, "voltage_dc");
}

TEST_F(IntakeTest, NothingToInfer) {
  EXPECT_TRUE(InferFromText(*kb_, "").empty());
  EXPECT_TRUE(InferFromText(*kb_, "  lorem ipsum 42 ").empty());
  // Malformed UTF-8 must not crash or read past the end.
  EXPECT_TRUE(InferFromText(*kb_, std::string("\xE5\x85", 2)).empty());
}

TEST_F(IntakeTest, LongTextIsCutAtTheCap) {
  std::string text = "plush toy, ";
  while (text.size() < 100000) text += "玩具, 5V, charger for e-bike, ";
  auto infs = InferFromText(*kb_, text);
  ASSERT_FALSE(infs.empty());
  EXPECT_EQ(kb_->categories()[infs[0].category].id, "plush_toy");
  // Words after the first 8 KiB are not read.
  EXPECT_TRUE(InferFromText(*kb_, std::string(9000, ' ') + "charger").empty());
}

TEST_F(IntakeTest, GivenValuesWinAndTextBeatsDefaults) {
  auto p = ParseProductYaml(*kb_,
                            "name: Charger\n"
                            "text: \"Toy charger 5V, plug-in, bluetooth, 110V\"\n"
                            "attributes: {has_radio: false}\n",
                            "t.yaml");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  int radio = kb_->FindAttribute("has_radio");
  int vdc = kb_->FindAttribute("voltage_dc");
  int vac = kb_->FindAttribute("voltage_ac");
  int ps = kb_->FindAttribute("power_source");
  // Given: kept.
  EXPECT_FALSE(p->values[radio].b);
  EXPECT_EQ(p->sources[radio], ValueSource::kGiven);
  // From text, with evidence.
  EXPECT_EQ(kb_->categories()[p->category].id, "charger");
  EXPECT_EQ(p->category_source, ValueSource::kText);
  EXPECT_EQ(p->category_evidence, "charger");
  EXPECT_EQ(p->values[vdc].num, 5);
  EXPECT_EQ(p->sources[vdc], ValueSource::kText);
  EXPECT_EQ(p->evidence[vdc], "5V");
  EXPECT_EQ(p->sources[ps], ValueSource::kText);
  // The text's 110 V beats the category's 230 V default.
  EXPECT_EQ(p->values[vac].num, 110);
  EXPECT_EQ(p->sources[vac], ValueSource::kText);
  // Defaults still fill the rest.
  int elec = kb_->FindAttribute("is_electrical");
  EXPECT_EQ(p->sources[elec], ValueSource::kCategoryDefault);
}

TEST_F(IntakeTest, GivenCategoryWins) {
  auto p = ParseProductJsonText(*kb_, R"({"category": "toy", "text": "电动牙刷"})", "t.json");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(kb_->categories()[p->category].id, "toy");
  EXPECT_EQ(p->category_source, ValueSource::kGiven);
}

TEST_F(IntakeTest, TextMustBeAString) {
  auto p = ParseProductYaml(*kb_, "text: [a, b]\n", "t.yaml");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().ToString().find("t.yaml:1:7: 'text' must be a string"), std::string::npos)
      << p.status().ToString();
}

TEST_F(IntakeTest, ApplyReturnsOnlyWhatWasApplied) {
  Product p = Product::Empty(*kb_);
  p.Set(kb_->FindAttribute("has_battery"), Value::Bool(false), ValueSource::kGiven);
  auto applied = ApplyTextIntake(*kb_, "plush toy with battery", &p);
  ASSERT_EQ(applied.size(), 1u);
  EXPECT_EQ(applied[0].attribute, kCategoryAttr);
  EXPECT_FALSE(p.values[kb_->FindAttribute("has_battery")].b);
}

TEST_F(IntakeTest, TextReportListsInferences) {
  Product p = Product::Empty(*kb_);
  ApplyTextIntake(*kb_, "USB-C 充电器 5V", &p);
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment a = Assess(*kb_, p, opts);
  std::string text = AssessmentToText(*kb_, p, a, Lang::kEn, std::nullopt);
  EXPECT_NE(text.find("Inferred from the description"), std::string::npos) << text;
  EXPECT_NE(text.find("category: Charger ← \"充电器\""), std::string::npos) << text;
  EXPECT_NE(text.find("Rated DC voltage: 5 V ← \"5V\""), std::string::npos) << text;
  nlohmann::json j = ProductToJson(*kb_, p, Lang::kZh);
  EXPECT_EQ(j["category"]["source"], "text");
  EXPECT_EQ(j["category"]["evidence"], "充电器");
  EXPECT_EQ(j["attributes"]["voltage_dc"]["evidence"], "5V");
}

// The bundled lexicon: it loads (with the whole knowledge base), no term is listed twice (the
// second entry could never match), and every category has English and Chinese terms.
TEST(BundledLexicon, TermsAreUniqueAndCategoriesCovered) {
  auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  ASSERT_FALSE((*kb)->lexicon().empty());
  std::map<std::string, std::string> seen;
  for (const auto& e : (*kb)->lexicon()) {
    for (const auto& t : e.terms) {
      auto [it, fresh] = seen.emplace(t, e.pos.ToString());
      EXPECT_TRUE(fresh) << "term '" << t << "' at " << e.pos.ToString() << " is already at "
                         << it->second;
    }
  }
  std::set<int> en, zh;
  for (const auto& e : (*kb)->lexicon()) {
    if (e.category < 0) continue;
    for (const auto& t : e.terms) {
      bool ascii = std::all_of(t.begin(), t.end(),
                               [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      (ascii ? en : zh).insert(e.category);
    }
  }
  // Categories are added by others all the time; list the uncovered ones, fail only when many.
  std::string missing;
  int count = 0;
  for (int c = 0; c < static_cast<int>((*kb)->categories().size()); ++c) {
    if (!en.count(c) || !zh.count(c)) {
      missing += " " + (*kb)->categories()[c].id;
      ++count;
    }
  }
  if (count > 0) std::cout << "categories without English and Chinese terms:" << missing << "\n";
  EXPECT_LE(count * 10, static_cast<int>((*kb)->categories().size())) << missing;
}

}  // namespace
}  // namespace eucomply
