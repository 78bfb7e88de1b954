#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  eucomply::fuzz::FuzzRecogniserModel(data, size);
  return 0;
}
