// libFuzzer target: the .xls reader (libfreexl).
// Run with scripts/fuzz fuzz_xls SECONDS; the body is in fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huzhu::fuzz::FuzzXls(data, size);
  return 0;
}

// libfreexl 1.0.6 itself leaks a cell array on some crafted files even though the reader always
// calls freexl_close (tests/fuzz/regressions/fuzz_xls/leak-*): not ours to fix, so LeakSanitizer
// is told to ignore leaks allocated inside libfreexl.
extern "C" __attribute__((used)) const char* __lsan_default_suppressions() {
  return "leak:libfreexl.so\n";
}
