// The words of English and Chinese listings that the text intake reads as cues rather than as
// lexicon terms: negation, segment breaks, AC/DC, input/output, and the context that makes a
// number an age or a size. They are kept here, in one table, so that the intake's vocabulary
// can be reviewed (and later moved into knowledge/lexicon.yaml) in one place.
// Lower-case, as matched against normalised text (intake_text.h).
#pragma once

#include <string_view>

namespace eucomply::intake {

// The word right before a term that negates it ("no battery", "non-woven", "w/o cable").
inline constexpr std::string_view kNegationEn[] = {"no", "without", "non", "not", "w/o", "zero"};
// Chinese negation right before a term (无电池, 不含电池). Longer ones first: the first that
// matches is quoted as the evidence.
inline constexpr std::string_view kNegationZh[] = {"不含", "不带", "没有", "无", "非", "免", "不"};

// Words and marks after which a listing describes a feature, an accessory or the product it is
// for ("plush toy with sound module", "charger for e-bike", "充电宝 带手电筒"). The words count
// only as whole words ("w/" also before a word).
inline constexpr std::string_view kSegmentWords[] = {"with", "for", "including", "incl", "plus",
                                                     "w/"};
inline constexpr std::string_view kSegmentMarks[] = {",", ";", "|", "(", "，", "；", "（", "【", "[",
                                                     "带", "配", "附", "含", "送", "适用", "用于",
                                                     "适合", "。"};

// Voltage: AC or DC when written within 8 bytes of the number ("230V AC", "交流220V", "5V⎓3A").
inline constexpr std::string_view kAcCues[] = {"ac", "交流", "~"};
inline constexpr std::string_view kDcCues[] = {"dc", "直流", "⎓"};
// Else the clause says whether it is the input (AC) or the output (DC) of a power supply.
inline constexpr std::string_view kInputCues[] = {"input", "输入"};
inline constexpr std::string_view kOutputCues[] = {"output", "输出"};

// Ages. "3+" with no unit is an age only after one of these ("ages 3+", "kids 6+", "适合3+").
inline constexpr std::string_view kAgeBeforePlus[] = {
    "age",  "ages",     "aged",      "kid",  "kids", "child", "children",
    "toddler", "toddlers", "适合", "年龄", "儿童", "宝宝"};
// Before a number: the age is an upper bound ("under 3", "up to 36 months").
inline constexpr std::string_view kUnderCues[] = {"under", "below", "up to", "younger than",
                                                  "less than"};
// After a number: the age is a lower bound ("3 years and up").
inline constexpr std::string_view kPlusCues[] = {"and up", "and older", "and over", "plus"};
// A duration in the same clause is an age (unless the unit or a "+" already says so)...
inline constexpr std::string_view kAgeContext[] = {
    "age",    "ages",   "aged",     "old",   "baby", "babies", "infant", "infants", "toddler",
    "toddlers", "kid",  "kids",     "child", "children", "from", "up",   "以上",    "适合",
    "适用",   "婴",     "宝宝",     "儿童",  "幼儿", "月龄"};
// ...but never next to these: "2 years warranty", "30 days return", "8 hours standby".
inline constexpr std::string_view kNotAgeContext[] = {
    "warranty", "guarantee", "return", "returns", "life", "lifetime", "lasting", "standby",
    "保修",     "质保",      "退",     "换",      "续航", "待机",     "寿命"};
// An upper bound ("3岁以下") is an age limit only when it warns ("not suitable for under 3").
inline constexpr std::string_view kNotSuitableCues[] = {"not suitable", "not for", "不适合",
                                                        "不适用", "禁止"};

// Children's clothing sizes ("122/128") outside clothing: only next to one of these.
inline constexpr std::string_view kSizeWords[] = {"size", "sizes", "gr", "taille", "尺码", "码",
                                                  "身高"};

}  // namespace eucomply::intake
