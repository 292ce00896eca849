// libFuzzer target: the CSV reader (UTF-8 / GB18030 detection and decoding, RFC 4180 parsing).
// Run with scripts/fuzz fuzz_csv SECONDS; the body is in fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huzhu::fuzz::FuzzCsv(data, size);
  return 0;
}
