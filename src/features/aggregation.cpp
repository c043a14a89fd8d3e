#include "features/aggregation.h"

#include <algorithm>

#include "common/error.h"

namespace creditscore::features {

std::string_view suffix(Aggregate aggregate) {
  switch (aggregate) {
    case Aggregate::Min:
      return "MIN";
    case Aggregate::Max:
      return "MAX";
    case Aggregate::Mean:
      return "MEAN";
    case Aggregate::Sum:
      return "SUM";
    case Aggregate::Var:
      return "VAR";
    case Aggregate::Size:
      return "SIZE";
    case Aggregate::NUnique:
      return "NUNIQUE";
  }
  return "";
}

void Accumulator::remember(double value) {
  if (std::find(distinct_.begin(), distinct_.end(), value) == distinct_.end())
    distinct_.push_back(value);
}

double Accumulator::result(Aggregate aggregate) const {
  constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
  switch (aggregate) {
    case Aggregate::Min:
      return count_ == 0 ? kMissing : min_;
    case Aggregate::Max:
      return count_ == 0 ? kMissing : max_;
    case Aggregate::Mean:
      return count_ == 0 ? kMissing : sum_ / static_cast<double>(count_);
    case Aggregate::Sum:
      return sum_;
    case Aggregate::Var:
      if (!keeps_.variance)
        throw internal_error("a variance asked of an accumulator not keeping it");
      return count_ < 2 ? kMissing : squares_ / static_cast<double>(count_ - 1);
    case Aggregate::Size:
      return static_cast<double>(rows_);
    case Aggregate::NUnique:
      if (!keeps_.distinct)
        throw internal_error("a distinct count asked of an accumulator not keeping it");
      return static_cast<double>(distinct_.size());
  }
  return kMissing;
}

}  // namespace creditscore::features
