// Fuzz entry points for the parsers of outside input in src/kb and src/rules. libFuzzer
// mains (product_fuzz.cc, condition_fuzz.cc) call them; tests/rules/fuzz_replay_test.cc
// replays the corpus and seeded mutations through them in every `make test`.
#pragma once

#include <cstddef>
#include <cstdint>

namespace eucomply::fuzz {

// A product document as YAML and as JSON; when it parses, assess it, ask the next question
// and render every report format.
void FuzzProductDocument(const uint8_t* data, size_t size);
// A condition string against the mini knowledge base's attributes.
void FuzzCondition(const uint8_t* data, size_t size);
// A recogniser model file (knowledge/recogniser/model.tsv format) against the mini knowledge
// base's categories; and the same bytes as a listing text through the bundled-free intake.
void FuzzRecogniserModel(const uint8_t* data, size_t size);

}  // namespace eucomply::fuzz
