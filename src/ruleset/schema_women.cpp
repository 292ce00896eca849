// The rule-file blocks of the women scheme family (filled in with its engine).
#include "ruleset/schema.h"

namespace huzhu {

void AddWomenSchema(std::vector<SectionSchema>& sections, std::vector<ParamSchema>& params) {
  (void)sections;
  (void)params;
}

}  // namespace huzhu
