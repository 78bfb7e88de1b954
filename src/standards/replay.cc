// Replaying each act's chain of decisions in Official Journal date order (docs/standards.md).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "eucomply/harmonised.h"

namespace eucomply::standards {

namespace {

namespace fs = std::filesystem;

std::string Key(const std::string& part, const std::string& number) { return part + "#" + number; }

// "198a" -> "198": the row an inserted row continues.
std::string BaseNumber(const std::string& n) {
  size_t i = 0;
  while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
  return n.substr(0, i);
}

ListedStandard FromRow(const std::string& act, const std::string& list, const RefRow& r,
                       const Decision& by, std::optional<Date> from) {
  ListedStandard s;
  s.act = act;
  s.list = list;
  s.number = r.number;
  s.part = r.part;
  s.ref = r.ref;
  s.title = r.title;
  s.amendments = r.amendments;
  s.notes = r.notes;
  s.printed_by = by.celex;
  s.from = from;
  return s;
}

// Per act: the rows, and per list (base decision) the current row of each (part, number).
struct ActState {
  ActList list;
  std::map<std::string, std::map<std::string, size_t>> keys;  // list -> key -> row index
};

using RowKeys = std::map<std::string, size_t>;  // Key(part, number) -> row index

// An amending decision belongs to the act of the decision it amends (its text may name
// other acts first).
void AssignAmendingActs(std::vector<Decision>* decisions) {
  std::map<std::string, std::string> act_of;  // decision CELEX -> act
  for (Decision& d : *decisions) {
    if (d.amending) {
      auto a = act_of.find(d.amends);
      if (a != act_of.end()) d.act = a->second;
    }
    if (!d.act.empty()) act_of[d.celex] = d.act;
  }
}

// Ends a row at `when` unless it already ends earlier.
void CloseRow(ListedStandard* s, const Date& when, const std::string& by) {
  if (!s->until || when < *s->until) {
    s->until = when;
    s->until_by = by;
  }
}

// A decision printing a (new) full list repeals older ones, keeping the references of its
// withdrawal annexes until their dates. Returns those kept references with their dates.
std::map<std::string, Date> CloseRepealedLists(const Decision& d, ActList* L) {
  std::map<std::string, Date> kept;  // reference -> withdrawal date
  for (const RefRow& w : d.withdrawn) {
    if (w.withdrawal) kept[w.ref] = *w.withdrawal;
  }
  std::set<std::string> matched;
  for (const std::string& old : d.repeals) {
    // Every row of the repealed list still open (not only the latest of each number).
    for (ListedStandard& s : L->rows) {
      if (s.list != old) continue;
      if (s.until && *s.until <= d.oj_date) continue;
      auto k = kept.find(s.ref);
      if (k != kept.end()) {
        s.until = k->second;
        matched.insert(s.ref);
      } else {
        s.until = d.oj_date;
      }
      s.until_by = d.celex;
    }
  }
  // References kept from a list we do not hold (an OJ C-series communication).
  for (const RefRow& w : d.withdrawn) {
    if (!w.withdrawal || matched.count(w.ref)) continue;
    ListedStandard s = FromRow(d.act, "", w, d, std::nullopt);
    s.printed_by = "";
    s.until = *w.withdrawal;
    s.until_by = d.celex;
    L->rows.push_back(std::move(s));
    matched.insert(w.ref);
  }
  return kept;
}

void ApplyFullList(const Decision& d, ActState* st, ImportResult* out) {
  ActList& L = st->list;
  const std::map<std::string, Date> kept = CloseRepealedLists(d, &L);
  auto& keys = st->keys[d.celex];
  for (const RefRow& r : d.list) {
    if (keys.count(Key(r.part, r.number))) {
      out->warnings.push_back(fmt::format("{}: row {} is printed twice in the list; the later one is kept", d.file, r.number));
    }
    keys[Key(r.part, r.number)] = L.rows.size();
    L.rows.push_back(FromRow(d.act, d.celex, r, d, d.oj_date));
  }
  // Editions: a kept (withdrawn) reference is superseded by the new row of the same number.
  std::map<std::string, size_t> new_by_number;
  for (const RefRow& r : d.list) new_by_number[StandardNumber(r.ref)] = keys[Key(r.part, r.number)];
  for (ListedStandard& s : L.rows) {
    if (s.until_by != d.celex || !kept.count(s.ref)) continue;
    auto n = new_by_number.find(StandardNumber(s.ref));
    if (n == new_by_number.end() || L.rows[n->second].ref == s.ref) continue;
    s.superseded_by = L.rows[n->second].ref;
    if (L.rows[n->second].supersedes.empty()) L.rows[n->second].supersedes = s.ref;
  }
  L.current = d.celex;
}

// The date a point applies from: publication, or the date an article defers it to (given
// for the point or, for "2(a)", for point 2).
Date PointDate(const Decision& d, const Instruction& in) {
  auto date_of = [&](const std::string& point) -> std::optional<Date> {
    auto it = d.deferred.find(in.in_annex + ":" + point);
    if (it == d.deferred.end() && in.in_annex.empty()) it = d.deferred.find("I:" + point);
    if (it == d.deferred.end()) return std::nullopt;
    return it->second;
  };
  if (auto dd = date_of(in.point)) return *dd;
  if (size_t paren = in.point.find('('); paren != std::string::npos) {
    if (auto pd = date_of(in.point.substr(0, paren))) return *pd;
  }
  return d.oj_date;
}

// One point of an amending annex; rows it ends go to `deleted_here` by number.
void ApplyInstruction(const Decision& d, const Instruction& in, ActList* L, RowKeys* keys,
                      std::map<std::string, size_t>* deleted_here, ImportResult* out) {
  const Date when = PointDate(d, in);
  if (in.kind == InstructionKind::kDelete || in.kind == InstructionKind::kReplace) {
    for (const std::string& number : in.rows) {
      auto k = keys->find(Key(in.part, number));
      if (k == keys->end()) {
        out->warnings.push_back(fmt::format("{}: point ({}) names row {}{} that the list of {} does not hold", d.file,
                                            in.point, in.part.empty() ? "" : "of part " + in.part + " ", number, d.amends));
        continue;
      }
      CloseRow(&L->rows[k->second], when, d.celex);
      (*deleted_here)[number] = k->second;
    }
  }
  if (in.kind != InstructionKind::kInsert && in.kind != InstructionKind::kReplace) return;
  for (const RefRow& r : in.new_rows) {
    // A replaced row counts from the point's date; an inserted one from publication,
    // or the point's date when that is deferred.
    ListedStandard s = FromRow(d.act, d.amends, r, d, when);
    if (in.kind == InstructionKind::kReplace && !keys->count(Key(r.part, r.number))) {
      out->warnings.push_back(fmt::format("{}: point ({}) replaces row {} that the list does not hold", d.file, in.point, r.number));
    }
    // A row printed again under the same number replaces the one still open.
    auto prev = keys->find(Key(r.part, r.number));
    if (prev != keys->end()) {
      CloseRow(&L->rows[prev->second], when, d.celex);
      (*deleted_here)[r.number] = prev->second;
    }
    (*keys)[Key(r.part, r.number)] = L->rows.size();
    L->rows.push_back(std::move(s));
  }
}

// Pairs "198a" inserted with "198" deleted by the same decision (another edition).
void PairEditions(const Decision& d, const RowKeys& keys, const std::map<std::string, size_t>& deleted_here,
                  ActList* L) {
  for (const auto& [key, idx] : keys) {
    ListedStandard& s = L->rows[idx];
    if (s.printed_by != d.celex) continue;
    auto old = deleted_here.find(BaseNumber(s.number));
    if (old == deleted_here.end() || BaseNumber(s.number) == s.number) {
      old = deleted_here.find(s.number);  // a replaced row of the same number
      if (old == deleted_here.end() || old->second == idx) continue;
    }
    ListedStandard& o = L->rows[old->second];
    // Only another edition of the same standard supersedes (a different standard taking the
    // row's place does not).
    if (StandardNumber(o.ref) != StandardNumber(s.ref)) continue;
    if (o.ref != s.ref || o.amendments != s.amendments) {
      s.supersedes = o.ref;
      o.superseded_by = s.ref;
    }
  }
}

void ApplyAmendment(const Decision& d, ActState* st, ImportResult* out) {
  auto lk = st->keys.find(d.amends);
  if (lk == st->keys.end()) {
    out->warnings.push_back(fmt::format("{}: amends {}, whose list is not among the files", d.file, d.amends));
    return;
  }
  // Rows deleted by this decision, by number, for pairing with the rows it inserts.
  std::map<std::string, size_t> deleted_here;
  for (const Instruction& in : d.instructions) {
    if (in.annex != "I") continue;  // withdrawal annexes of the amended decision: not replayed
    ApplyInstruction(d, in, &st->list, &lk->second, &deleted_here, out);
  }
  PairEditions(d, lk->second, deleted_here, &st->list);
}

// The current list first (by part, then row number), then older rows.
void SortRows(ActList* L) {
  auto num = [](const std::string& n) {
    size_t i = 0;
    while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
    return std::pair<long, std::string>(i ? std::stol(n.substr(0, i)) : 0, n.substr(i));
  };
  auto part_rank = [](const std::string& p) {
    return p == "one" ? 1 : p == "two" ? 2 : p == "three" ? 3 : p == "four" ? 4 : 0;
  };
  std::stable_sort(L->rows.begin(), L->rows.end(), [&](const ListedStandard& a, const ListedStandard& b) {
    const bool ca = a.list == L->current, cb = b.list == L->current;
    if (ca != cb) return ca;
    if (a.list != b.list) return a.list > b.list;
    if (part_rank(a.part) != part_rank(b.part)) return part_rank(a.part) < part_rank(b.part);
    return num(a.number) < num(b.number);
  });
}

}  // namespace

bool InForce(const ListedStandard& s, const Date& d) {
  if (s.from && d < *s.from) return false;
  if (s.until && !(d < *s.until)) return false;
  return true;
}

ImportResult Replay(std::vector<Decision> decisions) {
  ImportResult out;
  std::sort(decisions.begin(), decisions.end(), [](const Decision& a, const Decision& b) {
    return a.oj_date != b.oj_date ? a.oj_date < b.oj_date : a.celex < b.celex;
  });
  AssignAmendingActs(&decisions);
  std::map<std::string, ActState> acts;
  for (const Decision& d : decisions) {
    for (const std::string& w : d.warnings) out.warnings.push_back(w);
    if (d.act.empty()) {
      out.skipped.push_back(fmt::format("{}: names no act the standards support, and amends no decision of the files", d.file));
      continue;
    }
    ActState& st = acts[d.act];
    ActList& L = st.list;
    L.act = d.act;
    if (L.act_name.empty()) L.act_name = d.act_name;
    L.decisions.push_back(d.celex);
    if (d.corrigendum) {
      out.warnings.push_back(fmt::format("{}: a corrigendum; its corrections are not replayed", d.file));
    } else if (!d.amending && d.list.empty() && d.withdrawn.empty()) {
      out.warnings.push_back(fmt::format("{}: prints no list and amends none (e.g. a decision not to publish)", d.file));
    } else if (!d.amending) {
      ApplyFullList(d, &st, &out);
    } else {
      ApplyAmendment(d, &st, &out);
    }
  }
  for (auto& [act, st] : acts) {
    SortRows(&st.list);
    out.acts[act] = std::move(st.list);
  }
  out.decisions = std::move(decisions);
  return out;
}

Result<ImportResult> ImportFolders(const std::vector<std::string>& dirs) {
  std::vector<Decision> ds;
  std::vector<std::string> skipped;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status::NotFound(fmt::format("{}: not a folder", dir));
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".html" || ext == ".htm")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::ifstream f(p, std::ios::binary);
      std::stringstream ss;
      ss << f.rdbuf();
      auto d = ParseDecision(ss.str(), p.string());
      if (!d.ok()) {
        skipped.push_back(d.status().message());
        continue;
      }
      ds.push_back(std::move(*d));
    }
  }
  ImportResult r = Replay(std::move(ds));
  r.skipped.insert(r.skipped.begin(), skipped.begin(), skipped.end());
  return r;
}

}  // namespace eucomply::standards
