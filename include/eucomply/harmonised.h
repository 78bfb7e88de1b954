// Harmonised standards from the Commission's implementing decisions (EUR-Lex HTML): each
// decision parsed into its list rows and amending instructions, then every act's chain of
// decisions replayed in Official Journal date order into the rows of each list with the dates
// they count from and until (issue 13). See docs/standards.md.
//
// Dates: `from` is the OJ publication date of the decision that printed the row (the first
// citation is not in the L-series format); `until` is the first day on which the row no
// longer gives a presumption of conformity (a deferred deletion's "shall apply from" date, a
// withdrawal annex's date, or the OJ date of the decision that removed it).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eucomply/date.h"
#include "eucomply/status.h"

namespace eucomply::standards {

// One numbered row of an annex table.
struct RefRow {
  std::string number;  // "198a"
  std::string part;    // "one", "two", "three" (machinery) or ""
  std::string ref;     // "EN IEC 60335-2-51:2023"
  std::string title;
  std::vector<std::string> amendments;  // further references in the row (A1, A11, AC ...)
  std::vector<std::string> notes;       // "Restriction: ...", "Notice: ..."
  std::optional<Date> withdrawal;       // the date column of a withdrawal annex
};

enum class InstructionKind { kDelete, kInsert, kReplace, kOther };

struct Instruction {
  std::string point;   // "1", "1(a)"
  std::string in_annex;  // the annex of the amending decision that holds it ("" for "the Annex")
  std::string annex;   // the annex of the amended decision it changes: "I", "II" ...
  std::string part;
  InstructionKind kind = InstructionKind::kOther;
  std::vector<std::string> rows;  // rows deleted or replaced
  std::vector<RefRow> new_rows;   // rows inserted or replacing
  std::string text;
};

struct Decision {
  std::string celex;       // "32023D2723" (from the title; a corrigendum keeps its file name)
  std::string number;      // "2023/2723"
  std::string file;
  Date oj_date;
  std::string title;
  std::string act;         // CELEX of the act the standards support, e.g. "32014L0035"
  std::string act_name;    // "Directive 2014/35/EU"
  bool corrigendum = false;
  bool amending = false;
  std::string amends;                // CELEX of the decision whose list it amends
  std::vector<std::string> repeals;  // CELEX of decisions it repeals
  // "I:1" (annex, point) -> the date from which that point applies
  std::map<std::string, Date> deferred;
  std::vector<RefRow> list;       // the list it prints (Annex I), if any
  std::vector<RefRow> withdrawn;  // withdrawal annexes: references kept until a date
  std::vector<Instruction> instructions;
  std::vector<std::string> warnings;
};

// Parses one decision. Fails (InvalidArgument, "<file>: message") when the file is not a
// decision on harmonised standards of the EUR-Lex form (no title, no OJ date, no act).
Result<Decision> ParseDecision(std::string_view html, std::string_view file);

// One row of a list with its dates, after replaying the chain.
struct ListedStandard {
  std::string act;      // CELEX of the act
  std::string list;     // CELEX of the base decision whose list holds the row ("" for rows
                        // kept from an older C-series communication by a withdrawal annex)
  std::string number, part;
  std::string ref, title;
  std::vector<std::string> amendments, notes;
  std::string printed_by;          // CELEX of the decision that printed the row
  std::optional<Date> from;        // its OJ date (none: printed by a C-series communication)
  std::optional<Date> until;       // first day without presumption
  std::string until_by;            // CELEX of the decision that set `until`
  std::string supersedes;          // the reference this row replaces, when known
  std::string superseded_by;       // the reference that replaces this row, when known
};

struct ActList {
  std::string act;       // CELEX
  std::string act_name;  // "Directive 2014/35/EU"
  std::vector<std::string> decisions;  // CELEX, OJ date order
  std::string current;   // the base decision of the current list
  std::vector<ListedStandard> rows;    // every row ever listed (current list first)
};

struct ImportResult {
  std::vector<Decision> decisions;  // parsed, OJ date order
  std::map<std::string, ActList> acts;
  std::vector<std::string> warnings;  // "file: message"
  std::vector<std::string> skipped;   // "file: why"
};

// Replays the decisions (any order) into per-act lists.
ImportResult Replay(std::vector<Decision> decisions);
// Reads every *.html of each folder (not recursive), parses and replays them.
Result<ImportResult> ImportFolders(const std::vector<std::string>& dirs);

// Is the row in force on `d` (from <= d < until)? Rows without `from` count from the start.
bool InForce(const ListedStandard& s, const Date& d);

// "EN IEC 60335-2-51:2023" -> "EN 60335-2-51" (prefixes and edition dropped): the standard's
// number, for pairing editions and for look-ups.
std::string StandardNumber(std::string_view ref);

}  // namespace eucomply::standards

namespace eucomply::standards {

// knowledge/standards/harmonised/<act CELEX>.yaml: one file per act, written by
// `eucomply kb standards import` (WriteLists) and read back by LoadLists. Every row cites the
// decision that printed it and the one that ended it.
Status WriteLists(const ImportResult& r, const std::string& dir);
// Every problem at once as "file:line:col: message".
Result<std::map<std::string, ActList>> LoadLists(const std::string& dir);

// Rows of `act` (or of every act, when empty) in force on `d` whose reference, amendments or
// title contain every word of `q` (case-insensitive).
std::vector<const ListedStandard*> Query(const std::map<std::string, ActList>& lists,
                                         const std::string& act, const Date& d,
                                         const std::string& q);
// Every row whose reference (or an amendment) is `ref`, or whose standard number is that of
// `ref` when no row has it exactly; all acts, all dates.
std::vector<const ListedStandard*> FindReference(const std::map<std::string, ActList>& lists,
                                                 const std::string& ref);
// "in_force", "superseded" (in force, with a successor in force), "ended", "not_yet".
std::string StateOn(const std::map<std::string, ActList>& lists, const ListedStandard& s, const Date& d);
// Dated events for change tracking: every row whose presumption ends (`until`) in
// [from, to), earliest first, with its successor when known.
std::vector<const ListedStandard*> Events(const std::map<std::string, ActList>& lists, const std::string& act,
                                          const Date& from, const Date& to);
// A row as JSON (the CLI's --format json and the API), with its state on `d`.
nlohmann::json ListedToJson(const std::map<std::string, ActList>& lists, const ListedStandard& s, const Date& d);

}  // namespace eucomply::standards
