// libFuzzer target: the value parsers of src/core (dates, money, rates, ID and card numbers, text
// helpers).
// Run with scripts/fuzz fuzz_parsers SECONDS; the body is in fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huzhu::fuzz::FuzzParsers(data, size);
  return 0;
}
