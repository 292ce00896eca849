// libFuzzer target: the rule-file loader (TOML), as a base file and as an override.
// Run with scripts/fuzz fuzz_rules SECONDS; the body is in fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huzhu::fuzz::FuzzRules(data, size);
  return 0;
}
