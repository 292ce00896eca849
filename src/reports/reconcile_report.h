// The reconcile outputs: reconcile.xlsx (汇总, 明细 with what needs attention highlighted, 重发,
// 问题), reconcile.csv (the data contract's columns, then where each line came from) and
// resend.csv (the failed and missing transfers, in the transfers.csv layout, for the next batch).
#pragma once

#include <string>
#include <vector>

#include "engines/reconcile.h"
#include "io/output_dir.h"
#include "records/bank.h"
#include "records/problems.h"
#include "reports/common.h"

namespace huzhu {

void WriteReconcileOutputs(OutputStage& stage, const TransferFile& transfers, const BankFile& bank,
                           const ReconResult& result, const ProblemList& problems,
                           const std::vector<InputRecord>& inputs);

const std::vector<std::string>& ReconcileCsvColumns();

}  // namespace huzhu
