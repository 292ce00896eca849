// libFuzzer target: the .xlsx reader on raw bytes (zip structure, deflate, XML parts).
// Run with scripts/fuzz fuzz_xlsx SECONDS; the body is in fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huzhu::fuzz::FuzzXlsx(data, size);
  return 0;
}
