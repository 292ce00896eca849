// libFuzzer target: the .xls reader. libfreexl runs in a child process (src/io/xls_reader.cpp),
// so this target checks the isolation: whatever the file does to freexl, huzhu reads rows or
// fails with huzhu::Error. Coverage inside the child does not reach the fuzzer, which therefore
// explores little of freexl itself; the crashes it found there before the isolation are kept in
// tests/fuzz/regressions/fuzz_xls/.
// Run with scripts/fuzz fuzz_xls SECONDS; the body is in fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huzhu::fuzz::FuzzXls(data, size);
  return 0;
}
