// Giving freed memory back to the kernel between the phases of a batch job.
#pragma once

namespace creditscore {

// Returns the heap's free pages to the kernel. A batch command keeps freed memory for reuse
// (cli/dataset_report.cpp), which spares page faults while a phase frees and takes blocks of the
// same sizes; but where the next phase takes blocks of other sizes (XGBoost's matrices after the
// tables, after the float features), the freed ones lie unused and still count in the peak: at
// Kaggle scale, training peaked 900 MB higher.
void release_free_memory();

}  // namespace creditscore
