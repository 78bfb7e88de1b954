// Reads knowledge/recogniser/model.tsv (include/eucomply/kb.h, RecogniserModel) and checks it
// against model.sha256. The format, written by tools/train_recogniser:
//
//   # comment
//   meta <TAB> key <TAB> value              the model's own record (training split, counts)
//   temperature <TAB> 1.3                   logits are divided by it
//   threshold <TAB> 0.5                     below it the category is asked
//   lexicon_precision <TAB> 0.9             how often the lexicon's category is right
//   classes <TAB> category_id <TAB> ...     the taxonomy category of each class
//   bias <TAB> weight <TAB> ...             one per class
//   f <TAB> feature <TAB> class:weight ...  sparse weights of one feature
//
// Every problem is reported as "file:line:col: message".
#include "kb/recogniser_model.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "eucomply/text.h"

namespace eucomply::kb {

namespace fs = std::filesystem;

std::string Sha256Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

namespace {

bool ParseFloat(std::string_view s, double* out) {
  if (s.empty()) return false;
  std::string tmp(s);
  char* end = nullptr;
  *out = std::strtod(tmp.c_str(), &end);
  return end == tmp.c_str() + tmp.size() && std::isfinite(*out);
}

}  // namespace

std::shared_ptr<RecogniserModel> ParseRecogniserModel(
    std::string_view text, const std::string& path,
    const std::function<int(std::string_view)>& find_category, std::vector<std::string>* errors) {
  auto model = std::make_shared<RecogniserModel>();
  const size_t errors_before = errors->size();
  auto error = [&](int line, size_t col, const std::string& msg) {
    if (errors->size() - errors_before < 20) {
      errors->push_back(fmt::format("{}:{}:{}: {}", path, line, col + 1, msg));
    }
  };
  bool have_classes = false, have_bias = false;
  int line_no = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? text.size() - start : nl - start);
    const size_t line_start = start;
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = Split(line, '\t');
    auto col_of = [&](size_t i) {
      return static_cast<size_t>(f[i].data() - text.data()) - line_start;
    };
    const std::string_view kind = f[0];
    if (kind == "meta") {
      if (f.size() != 3) {
        error(line_no, 0, "expected: meta <TAB> key <TAB> value");
        continue;
      }
      model->meta.emplace_back(std::string(f[1]), std::string(f[2]));
    } else if (kind == "temperature" || kind == "threshold" || kind == "lexicon_precision") {
      double v = 0;
      const bool unit = kind != "temperature";
      if (f.size() != 2 || !ParseFloat(f[1], &v) || v <= 0 || (unit && v > 1)) {
        error(line_no, f.size() > 1 ? col_of(1) : 0,
              fmt::format("'{}' needs one number{}", kind, unit ? " in (0, 1]" : " above 0"));
        continue;
      }
      (kind == "temperature" ? model->temperature
                             : kind == "threshold" ? model->threshold : model->lexicon_precision) = v;
    } else if (kind == "classes") {
      if (have_classes) error(line_no, 0, "'classes' is given twice");
      have_classes = true;
      for (size_t i = 1; i < f.size(); ++i) {
        int c = find_category(f[i]);
        if (c < 0) error(line_no, col_of(i), fmt::format("unknown category '{}'", f[i]));
        model->classes.push_back(c);
      }
      if (model->classes.empty() || model->classes.size() > 65535) {
        error(line_no, 0, "'classes' needs between 1 and 65535 categories");
      }
    } else if (kind == "bias") {
      if (!have_classes) {
        error(line_no, 0, "'bias' must come after 'classes'");
        continue;
      }
      have_bias = true;
      if (f.size() != model->classes.size() + 1) {
        error(line_no, 0, fmt::format("'bias' needs {} weights, one per class; found {}",
                                      model->classes.size(), f.size() - 1));
        continue;
      }
      for (size_t i = 1; i < f.size(); ++i) {
        double v = 0;
        if (!ParseFloat(f[i], &v)) error(line_no, col_of(i), fmt::format("not a number: '{}'", f[i]));
        model->bias.push_back(static_cast<float>(v));
      }
    } else if (kind == "f") {
      if (!have_classes) {
        error(line_no, 0, "feature lines must come after 'classes'");
        continue;
      }
      if (f.size() < 3 || f[1].empty()) {
        error(line_no, 0, "expected: f <TAB> feature <TAB> class:weight ...");
        continue;
      }
      auto [it, fresh] = model->weights.try_emplace(std::string(f[1]));
      if (!fresh) {
        error(line_no, col_of(1), fmt::format("feature '{}' is given twice", f[1]));
        continue;
      }
      int last = -1;
      for (size_t i = 2; i < f.size(); ++i) {
        size_t colon = f[i].find(':');
        int cls = -1;
        double w = 0;
        bool ok = colon != std::string_view::npos;
        if (ok) {
          auto r = std::from_chars(f[i].data(), f[i].data() + colon, cls);
          ok = r.ec == std::errc() && r.ptr == f[i].data() + colon && ParseFloat(f[i].substr(colon + 1), &w);
        }
        if (!ok || cls < 0 || cls >= static_cast<int>(model->classes.size()) || cls <= last) {
          error(line_no, col_of(i),
                fmt::format("expected class:weight with a class 0..{} in ascending order, found '{}'",
                            model->classes.size() - 1, f[i]));
          break;
        }
        last = cls;
        it->second.emplace_back(static_cast<uint16_t>(cls), static_cast<float>(w));
      }
    } else {
      error(line_no, 0, fmt::format("unknown line kind '{}' (meta, temperature, threshold, classes, bias, f)", kind));
    }
  }
  if (!have_classes) error(line_no, 0, "the model has no 'classes' line");
  if (have_classes && !have_bias) error(line_no, 0, "the model has no 'bias' line");
  if (errors->size() != errors_before) return nullptr;
  return model;
}

std::shared_ptr<RecogniserModel> LoadRecogniserModel(
    const std::string& dir, const std::function<int(std::string_view)>& find_category,
    std::vector<std::string>* errors) {
  const fs::path folder = fs::path(dir) / "recogniser";
  const fs::path model_path = folder / "model.tsv";
  const std::string shown = "recogniser/model.tsv";
  std::error_code ec;
  if (!fs::exists(model_path, ec)) return nullptr;
  std::ifstream in(model_path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::ifstream sum_in(folder / "model.sha256");
  std::string expected;
  sum_in >> expected;
  const std::string actual = Sha256Hex(text);
  if (expected.empty()) {
    errors->push_back("recogniser/model.sha256:1:1: missing: it must hold the SHA-256 of model.tsv "
                      "(written by scripts/train-recogniser)");
    return nullptr;
  }
  if (expected != actual) {
    errors->push_back(fmt::format("recogniser/model.sha256:1:1: the SHA-256 of model.tsv is {}, not {}: "
                                  "the model was changed by hand or not rebuilt (scripts/train-recogniser)",
                                  actual, expected));
    return nullptr;
  }
  auto model = ParseRecogniserModel(text, shown, find_category, errors);
  if (model) model->sha256 = actual;
  return model;
}

}  // namespace eucomply::kb
