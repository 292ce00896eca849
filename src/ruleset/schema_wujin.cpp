// The rule-file blocks of the wujin scheme family (filled in with its engine).
#include "ruleset/schema.h"

namespace huzhu {

void AddWujinSchema(std::vector<SectionSchema>& sections, std::vector<ParamSchema>& params) {
  (void)sections;
  (void)params;
}

}  // namespace huzhu
