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
#include <sstream>

#include "eucomply/text.h"

namespace eucomply::kb {

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

// One model file, parsed line by line; each kind of line has its own method.
class ModelParser {
 public:
  ModelParser(std::string_view text, const std::string& path,
              const std::function<int(std::string_view)>& find_category,
              std::vector<Problem>* errors)
      : text_(text),
        path_(path),
        find_category_(find_category),
        errors_(errors),
        errors_before_(errors->size()),
        model_(std::make_shared<RecogniserModel>()) {}

  std::shared_ptr<RecogniserModel> Run();

 private:
  struct Line {
    int no = 0;
    size_t start = 0;  // offset of the line in the text
    std::vector<std::string_view> fields;
  };

  void Error(const Line& line, size_t col, const std::string& msg) { Error(line.no, col, msg); }
  void Error(int line, size_t col, const std::string& msg) {
    // A model is written by a program: past a few problems the rest repeat the first.
    if (errors_->size() - errors_before_ < 20) {
      errors_->push_back(Problem::At(path_, line, col + 1, msg));
    }
  }
  // The column (0-based) of field `i` of `line`.
  size_t Col(const Line& line, size_t i) const {
    return static_cast<size_t>(line.fields[i].data() - text_.data()) - line.start;
  }

  void ParseLine(const Line& line);
  void ParseMeta(const Line& line);
  void ParseSetting(const Line& line);
  void ParseClasses(const Line& line);
  void ParseBias(const Line& line);
  void ParseFeature(const Line& line);

  std::string_view text_;
  const std::string& path_;
  const std::function<int(std::string_view)>& find_category_;
  std::vector<Problem>* errors_;
  const size_t errors_before_;
  std::shared_ptr<RecogniserModel> model_;
  bool have_classes_ = false;
  bool have_bias_ = false;
};

std::shared_ptr<RecogniserModel> ModelParser::Run() {
  int line_no = 0;
  size_t start = 0;
  while (start <= text_.size()) {
    size_t nl = text_.find('\n', start);
    std::string_view line =
        text_.substr(start, nl == std::string_view::npos ? text_.size() - start : nl - start);
    const size_t line_start = start;
    start = nl == std::string_view::npos ? text_.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    ParseLine(Line{line_no, line_start, Split(line, '\t')});
  }
  if (!have_classes_) Error(line_no, 0, "the model has no 'classes' line");
  if (have_classes_ && !have_bias_) Error(line_no, 0, "the model has no 'bias' line");
  if (errors_->size() != errors_before_) return nullptr;
  return model_;
}

void ModelParser::ParseLine(const Line& line) {
  const std::string_view kind = line.fields[0];
  if (kind == "meta") {
    ParseMeta(line);
  } else if (kind == "temperature" || kind == "threshold" || kind == "lexicon_precision") {
    ParseSetting(line);
  } else if (kind == "classes") {
    ParseClasses(line);
  } else if (kind == "bias") {
    ParseBias(line);
  } else if (kind == "f") {
    ParseFeature(line);
  } else {
    Error(line, 0,
          fmt::format("unknown line kind '{}' (meta, temperature, threshold, classes, bias, f)",
                      kind));
  }
}

void ModelParser::ParseMeta(const Line& line) {
  const auto& f = line.fields;
  if (f.size() != 3) {
    Error(line, 0, "expected: meta <TAB> key <TAB> value");
    return;
  }
  model_->meta.emplace_back(std::string(f[1]), std::string(f[2]));
}

void ModelParser::ParseSetting(const Line& line) {
  const auto& f = line.fields;
  const std::string_view kind = f[0];
  double v = 0;
  const bool unit = kind != "temperature";
  if (f.size() != 2 || !ParseFloat(f[1], &v) || v <= 0 || (unit && v > 1)) {
    Error(line, f.size() > 1 ? Col(line, 1) : 0,
          fmt::format("'{}' needs one number{}", kind, unit ? " in (0, 1]" : " above 0"));
    return;
  }
  if (kind == "temperature") {
    model_->temperature = v;
  } else if (kind == "threshold") {
    model_->threshold = v;
  } else {
    model_->lexicon_precision = v;
  }
}

void ModelParser::ParseClasses(const Line& line) {
  const auto& f = line.fields;
  if (have_classes_) Error(line, 0, "'classes' is given twice");
  have_classes_ = true;
  for (size_t i = 1; i < f.size(); ++i) {
    int c = find_category_(f[i]);
    if (c < 0) Error(line, Col(line, i), fmt::format("unknown category '{}'", f[i]));
    model_->classes.push_back(c);
  }
  if (model_->classes.empty() || model_->classes.size() > 65535) {
    Error(line, 0, "'classes' needs between 1 and 65535 categories");
  }
}

void ModelParser::ParseBias(const Line& line) {
  const auto& f = line.fields;
  if (!have_classes_) {
    Error(line, 0, "'bias' must come after 'classes'");
    return;
  }
  have_bias_ = true;
  if (f.size() != model_->classes.size() + 1) {
    Error(line, 0,
          fmt::format("'bias' needs {} weights, one per class; found {}", model_->classes.size(),
                      f.size() - 1));
    return;
  }
  for (size_t i = 1; i < f.size(); ++i) {
    double v = 0;
    if (!ParseFloat(f[i], &v)) Error(line, Col(line, i), fmt::format("not a number: '{}'", f[i]));
    model_->bias.push_back(static_cast<float>(v));
  }
}

void ModelParser::ParseFeature(const Line& line) {
  const auto& f = line.fields;
  if (!have_classes_) {
    Error(line, 0, "feature lines must come after 'classes'");
    return;
  }
  if (f.size() < 3 || f[1].empty()) {
    Error(line, 0, "expected: f <TAB> feature <TAB> class:weight ...");
    return;
  }
  auto [it, fresh] = model_->weights.try_emplace(std::string(f[1]));
  if (!fresh) {
    Error(line, Col(line, 1), fmt::format("feature '{}' is given twice", f[1]));
    return;
  }
  int last = -1;
  for (size_t i = 2; i < f.size(); ++i) {
    size_t colon = f[i].find(':');
    int cls = -1;
    double w = 0;
    bool ok = colon != std::string_view::npos;
    if (ok) {
      auto r = std::from_chars(f[i].data(), f[i].data() + colon, cls);
      ok = r.ec == std::errc() && r.ptr == f[i].data() + colon &&
           ParseFloat(f[i].substr(colon + 1), &w);
    }
    if (!ok || cls < 0 || cls >= static_cast<int>(model_->classes.size()) || cls <= last) {
      Error(line, Col(line, i),
            fmt::format("expected class:weight with a class 0..{} in ascending order, found '{}'",
                        model_->classes.size() - 1, f[i]));
      break;
    }
    last = cls;
    it->second.emplace_back(static_cast<uint16_t>(cls), static_cast<float>(w));
  }
}

}  // namespace

std::shared_ptr<RecogniserModel> ParseRecogniserModel(
    std::string_view text, const std::string& path,
    const std::function<int(std::string_view)>& find_category, std::vector<Problem>* errors) {
  return ModelParser(text, path, find_category, errors).Run();
}

std::shared_ptr<RecogniserModel> CheckRecogniserModel(
    std::string_view text, const std::optional<std::string>& sha256_file,
    const std::function<int(std::string_view)>& find_category, std::vector<Problem>* errors) {
  std::string expected;
  if (sha256_file) std::istringstream(*sha256_file) >> expected;
  const std::string actual = Sha256Hex(text);
  if (expected.empty()) {
    errors->push_back(Problem::At("recogniser/model.sha256", 1, 1,
                                  "missing: it must hold the SHA-256 of model.tsv "
                                  "(written by scripts/train-recogniser)"));
    return nullptr;
  }
  if (expected != actual) {
    errors->push_back(Problem::At(
        "recogniser/model.sha256", 1, 1,
        fmt::format("the SHA-256 of model.tsv is {}, not {}: "
                    "the model was changed by hand or not rebuilt (scripts/train-recogniser)",
                    actual, expected)));
    return nullptr;
  }
  auto model = ParseRecogniserModel(text, "recogniser/model.tsv", find_category, errors);
  if (model) model->sha256 = actual;
  return model;
}

}  // namespace eucomply::kb
