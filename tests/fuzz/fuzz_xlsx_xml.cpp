// libFuzzer target: the .xlsx XML scanners, through a valid zip built around fuzzed sheet,
// shared-strings, styles and workbook XML.
// Run with scripts/fuzz fuzz_xlsx_xml SECONDS; the body is in fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huzhu::fuzz::FuzzXlsxXml(data, size);
  return 0;
}
