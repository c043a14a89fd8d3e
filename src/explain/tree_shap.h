// Exact path-dependent TreeSHAP over a TreeEnsemble: the values XGBoost's pred_contribs gives,
// in O(nodes × ⌈d / 2⌉) per tree and row, d the most distinct features on a path, instead of
// the classic algorithm's O(leaves × depth²).
//
// After Linear TreeSHAP (Bifet, Read, Xu, NeurIPS 2022): the Shapley value of a feature at one
// leaf is an integral over [0, 1] of a product of one linear factor per feature of the leaf's
// path, a polynomial of degree < d, which Gauss–Legendre quadrature with ⌈d / 2⌉ points
// evaluates exactly. Products flow down the tree and sums over leaves flow up, so each node
// costs a few operations per quadrature point. See tree_shap.cpp for the derivation.
//
// The methods are const and keep their scratch per thread: one TreeShap serves any number of
// threads at once without locks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "explain/tree_ensemble.h"
#include "model/xgboost.h"

namespace creditscore::explain {

class TreeShap {
 public:
  // Lays the trees out for the kernel, with the quadrature and the tables of features repeated
  // along a path. Throws UnsupportedModel for paths through more than 32 distinct features, and
  // for a split at -inf sending missing values left (see tree_shap.cpp).
  explicit TreeShap(TreeEnsemble ensemble);

  const TreeEnsemble& ensemble() const { return ensemble_; }
  std::size_t num_features() const { return ensemble_.num_features(); }
  // The expected margin over the training clients: base margin + each tree's cover-weighted mean.
  double base_value() const { return base_value_; }

  // `out` receives num_features() SHAP values on the margin's scale, then the base value; they
  // add up to the row's margin.
  void explain(std::span<const float> row, std::span<double> out) const;
  // Every row of `rows` into rows × (num_features() + 1) values of `out`.
  void explain(model::MatrixView rows, std::span<double> out) const;

 private:
  // The kernel's records (see tree_shap.cpp), tree by tree. `column` is where the split reads the
  // row once missing values are replaced by infinities that go the split's default way: the
  // feature, plus num_features() when the default is left.
  struct Inner {  // a split with a split below it, or a Repeat
    float threshold;
    std::uint32_t column;
    std::uint32_t node;      // the split's node
    std::uint32_t child;     // its children are nodes child (left) and child + 1 (right)
    double z_left, z_right;  // the children's cover ratios
  };
  struct Leaf {  // a leaf below an Inner split
    std::uint32_t node;
    double value;
  };
  struct Bottom {  // a split with two leaves below it
    float threshold;
    std::uint32_t column;
    std::uint32_t node;
    double z_sum;     // Σ z v over the two leaves, the same for every row
    double value[2];  // the left leaf's, the right leaf's
  };
  // An inner split whose feature already splits an ancestor: the feature then has one factor for
  // all its splits on the path.
  struct Repeat {
    std::uint32_t at;        // position among the tree's Inner records
    std::uint32_t previous;  // node: the child, on the path, of the nearest ancestor on the feature
    std::uint32_t above;     // that ancestor's position among the Inner records
    bool above_repeats;      // that ancestor is a Repeat too
    double z_left, z_right;  // the feature's combined cover ratios down each child
  };
  struct Scratch;

  template <std::size_t N>
  void explain_row(const float* row, double* out) const;
  template <std::size_t N>
  void explain_tree(std::size_t t, const float* row, Scratch& scratch) const;
  // A Repeat's steps down and up, out of the way of the tight loops.
  template <std::size_t N>
  [[gnu::noinline]] void descend_repeat(const Inner& split, const Repeat& repeat, bool left,
                                        Scratch& scratch) const;
  template <std::size_t N>
  [[gnu::noinline]] void ascend_repeat(const Inner& split, const Repeat& repeat, bool left,
                                       Scratch& scratch) const;
  const double* repeat_tables(const Repeat& repeat) const {
    return repeat_tables_.data() + 2 * lanes_ * (&repeat - repeats_.data());
  }

  TreeEnsemble ensemble_;
  double base_value_ = 0;
  std::size_t lanes_ = 0;  // quadrature points, padded to a power of two
  std::vector<double> weights_, points_, one_minus_points_;  // one per lane
  std::vector<Inner> inner_;    // tree t's are [inner_begin_[t], inner_begin_[t + 1]), by rank
  std::vector<Bottom> bottom_;  // and so on
  std::vector<Leaf> leaves_;
  std::vector<Repeat> repeats_;  // by position
  std::vector<std::size_t> inner_begin_{0}, bottom_begin_{0}, leaf_begin_{0}, repeat_begin_{0};
  std::vector<double> repeat_tables_;  // per repeat, per lane: 1 / E and (1 - z_prev) / E
};

}  // namespace creditscore::explain
