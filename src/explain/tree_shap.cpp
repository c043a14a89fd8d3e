#include "explain/tree_shap.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/error.h"
#include "explain/gauss_legendre.h"
#include "explain/lanes.h"

// The algorithm.
//
// Path-dependent TreeSHAP (Lundberg et al., Nature MI 2020) values a leaf of value v reached
// through the distinct features U of its path. For a feature i of U, let z_i be the product of
// the cover ratios of the path's branches on i, and o_i = 1 when the row takes all of them, else
// 0; the leaf gives i
//   phi_i = v (o_i - z_i) Σ_{S ⊆ U\{i}} |S|! (|U|-|S|-1)! / |U|!  Π_{j∈S} o_j  Π_{j∉S∪{i}} z_j.
// The Shapley weight is the Beta integral ∫_0^1 y^|S| (1-y)^(|U|-|S|-1) dy, so (Linear TreeSHAP)
//   phi_i = v (o_i - z_i) ∫_0^1 Π_{j∈U\{i}} e_j(y) dy,   e_j(y) = z_j (1-y) + o_j y,
// a polynomial of degree |U| - 1 that Gauss–Legendre quadrature with ⌈|U| / 2⌉ points integrates
// exactly. At those points, let P(n) be the quadrature weight times the factors of the features
// split above node n, and D(n) the sum over the leaves below n of v times the factors of the
// splits below n. At a node n splitting on a feature new to its path, with hot child h (the
// row's side), cold child c and their cover ratios z_h, z_c:
//   P(h) = P(n) e_h and P(c) = P(n) e_c, with e_h = z_h (1-y) + y and e_c = z_c (1-y);
//   D(n) = e_h D(h) + e_c D(c) = (1-y) Z + y D(h), with Z = z_h D(h) + z_c D(c);
//   phi_i += Σ_points P(n) ((1 - z_h) D(h) - z_c D(c)) = Σ_points P(n) (D(h) - Z).
// One pass down the tree (P) and one up (D and phi) cost O(nodes × points).
//
// When an ancestor already split on the feature, the leaves below have one factor for the
// feature, e(z_prev z, o_prev o), instead of the ancestor's e(z_prev, o_prev): the step's factor
// is their ratio, and the ancestor's share of those leaves is replaced by the right one. If the
// row left the ancestor's branch (o_prev = 0), the ratio is the plain cover ratio z and the share
// stays. Otherwise, with E = z_prev (1-y) + y, e_h = z_prev z_h (1-y) + y, e_c = z_prev z_c (1-y):
//   P(h) = P(n) e_h / E, P(c) = P(n) e_c / E, D(n) = (e_h D(h) + e_c D(c)) / E,
//   phi_i += Σ_points P(n) ((1 - z_prev z_h) D(h) - z_prev z_c D(c) - (1 - z_prev) D(n)) / E.
//
// The kernel is bound by its instruction count, so the model is laid out for it at load time:
// - splits in breadth-first order, the r-th one's children being nodes 2r + 1 and 2r + 2;
// - "bottom" splits, with two leaves below (half of them), apart: their D(h) and Z are plain
//   numbers, Z the same for every row;
// - each split reads the row from a copy where missing values are +inf or -inf, whichever goes
//   its default way, so a split is one comparison; its values add up in the lanes of that copy's
//   column, folded back onto the feature at the end;
// - the quadrature weights start P at the root, so the lanes of phi just add up; padding lanes
//   weigh nothing;
// - the passes never branch on the row's side, as unpredictable as the data: it selects values.

namespace creditscore::explain {

// Per-thread working memory, grown to the largest TreeShap it served.
struct TreeShap::Scratch {
  std::vector<float> row;    // the row twice: missing values as +inf, then as -inf
  std::vector<double> down;  // P, lanes per node
  std::vector<double> up;    // D, lanes per node
  std::vector<double> phi;   // the SHAP values at each quadrature point, lanes per row column
  std::unique_ptr<std::uint32_t[]> hot;  // per Inner record: the child on the row's side
  // As bool, not a character type that the compiler must assume aliases the doubles.
  std::unique_ptr<bool[]> on;  // per child of a Repeat: o for the feature's whole path
  std::size_t nodes = 0;

  static Scratch& of_this_thread(std::size_t nodes, std::size_t lanes, std::size_t features) {
    thread_local Scratch scratch;
    if (scratch.nodes < nodes) {
      scratch.hot = std::make_unique<std::uint32_t[]>(nodes);
      scratch.on = std::make_unique<bool[]>(nodes);
      scratch.nodes = nodes;
    }
    if (scratch.down.size() < nodes * lanes) {
      scratch.down.resize(nodes * lanes);
      scratch.up.resize(nodes * lanes);
    }
    if (scratch.row.size() < 2 * features) scratch.row.resize(2 * features);
    if (scratch.phi.size() < 2 * features * lanes) scratch.phi.resize(2 * features * lanes);
    return scratch;
  }

  // o_prev of a Repeat: whether the row took every branch on the feature down to `previous`.
  bool took_previous(const Repeat& repeat) const {
    return repeat.above_repeats ? on[repeat.previous] : hot[repeat.above] == repeat.previous;
  }
};

TreeShap::TreeShap(TreeEnsemble ensemble) : ensemble_(std::move(ensemble)) {
  const auto features = static_cast<std::uint32_t>(num_features());
  std::size_t max_distinct = 0;    // distinct features on a path
  std::vector<double> previous_z;  // z_prev of each repeat
  for (std::size_t t = 0; t < ensemble_.num_trees(); ++t) {
    const TreeEnsemble::Tree tree = ensemble_.tree(t);
    const std::size_t nodes = tree.cover_ratio.size();
    // Per node: distinct features above, the feature's combined cover ratio down to it, and
    // its share of the root's cover.
    std::vector<std::size_t> distinct(nodes, 0);
    std::vector<double> z(nodes, 1), reach(nodes, 1);
    std::vector<bool> repeats(tree.splits.size(), false);
    std::vector<std::uint32_t> inner_at(tree.splits.size());  // by rank
    const std::size_t inner_begin = inner_.size();
    for (std::size_t r = 0; r < tree.splits.size(); ++r) {
      const Split& split = tree.splits[r];
      if (std::isnan(split.threshold) || (split.threshold == -INFINITY && split.default_left)) {
        throw UnsupportedModel("tree " + std::to_string(t) + ": a split at " +
                               std::to_string(split.threshold) + " with missing values going left");
      }
      std::size_t previous = 0;  // none: the root is no one's child
      for (std::size_t child = split.node; child != 0;) {
        const std::size_t parent = (child - 1) / 2;
        if (tree.splits[parent].feature == split.feature) {
          previous = child;
          break;
        }
        child = tree.splits[parent].node;
      }
      const double z_prev = previous == 0 ? 1 : z[previous];
      const std::uint32_t child = 2 * r + 1;
      for (const std::uint32_t c : {child, child + 1}) {
        reach[c] = reach[split.node] * tree.cover_ratio[c];
        z[c] = z_prev * tree.cover_ratio[c];
        distinct[c] = distinct[split.node] + (previous == 0 ? 1 : 0);
      }
      repeats[r] = previous != 0;
      const std::uint32_t column = split.feature + (split.default_left ? features : 0);
      if (!repeats[r] && tree.split[child] < 0 && tree.split[child + 1] < 0) {
        const double left = tree.leaf_value[child], right = tree.leaf_value[child + 1];
        bottom_.push_back({split.threshold,
                           column,
                           split.node,
                           tree.cover_ratio[child] * left + tree.cover_ratio[child + 1] * right,
                           {left, right}});
        continue;
      }
      inner_at[r] = static_cast<std::uint32_t>(inner_.size() - inner_begin);
      if (repeats[r]) {
        const std::size_t above = (previous - 1) / 2;  // the rank of the split above `previous`
        repeats_.push_back({inner_at[r], static_cast<std::uint32_t>(previous), inner_at[above],
                            repeats[above], z[child], z[child + 1]});
        previous_z.push_back(z_prev);
      }
      inner_.push_back({split.threshold, column, split.node, child, tree.cover_ratio[child],
                        tree.cover_ratio[child + 1]});
      for (const std::uint32_t c : {child, child + 1}) {
        if (tree.split[c] < 0) leaves_.push_back({c, tree.leaf_value[c]});
      }
    }
    for (std::size_t node = 0; node < nodes; ++node) {
      base_value_ += reach[node] * tree.leaf_value[node];  // 0 at splits
      max_distinct = std::max(max_distinct, distinct[node]);
    }
    inner_begin_.push_back(inner_.size());
    bottom_begin_.push_back(bottom_.size());
    leaf_begin_.push_back(leaves_.size());
    repeat_begin_.push_back(repeats_.size());
  }
  base_value_ += ensemble_.base_margin();

  const std::size_t points = std::max<std::size_t>(1, (max_distinct + 1) / 2);
  if (points > 16) {
    throw UnsupportedModel("a path through " + std::to_string(max_distinct) +
                           " distinct features; TreeSHAP here handles up to 32");
  }
  lanes_ = std::bit_ceil(std::max<std::size_t>(points, 2));
  const Quadrature rule = gauss_legendre(static_cast<int>(points));
  // Padding lanes weigh nothing; their point only has to keep every factor finite.
  weights_.assign(lanes_, 0);
  points_.assign(lanes_, 0.5);
  std::copy(rule.weights.begin(), rule.weights.end(), weights_.begin());
  std::copy(rule.points.begin(), rule.points.end(), points_.begin());
  for (const double y : points_) one_minus_points_.push_back(1 - y);
  for (const double zp : previous_z) {
    for (const double y : points_) repeat_tables_.push_back(1 / (zp * (1 - y) + y));
    for (const double y : points_) repeat_tables_.push_back((1 - zp) / (zp * (1 - y) + y));
  }
}

// Always inlined, so that explain_row's clones compile it for their instruction sets.
template <std::size_t N>
[[gnu::always_inline]] inline void TreeShap::explain_tree(std::size_t t, const float* row,
                                                          Scratch& s) const {
  using L = Lanes<N>;
  const Inner* const inner = inner_.data() + inner_begin_[t];
  const std::size_t count = inner_begin_[t + 1] - inner_begin_[t];
  const Bottom* const bottom = bottom_.data() + bottom_begin_[t];
  const Bottom* const bottom_end = bottom_.data() + bottom_begin_[t + 1];
  const Repeat* const first = repeats_.data() + repeat_begin_[t];
  const Repeat* const last = repeats_.data() + repeat_begin_[t + 1];
  const L y = L::load(points_.data()), one_minus_y = L::load(one_minus_points_.data());
  const L o_y[2] = {L::all(0), y};  // o y, by whether the row takes the branch
  double* const down = s.down.data();
  double* const up = s.up.data();
  double* const phi = s.phi.data();
  std::uint32_t* const hot = s.hot.get();

  // Down through the inner splits, parents first: P of both children.
  L::load(weights_.data()).store(down);
  const Repeat* repeat = first;
  std::size_t next = repeat == last ? count : repeat->at;
  for (std::size_t at = 0; at < count; ++at) {
    const Inner* const split = inner + at;
    const bool left = row[split->column] < split->threshold;
    const std::uint32_t child = split->child;
    hot[at] = child + !left;
    const L p = L::load(down + split->node * N);
    if (at != next) {
      (p * (split->z_left * one_minus_y + o_y[left])).store(down + child * N);
      (p * (split->z_right * one_minus_y + o_y[!left])).store(down + (child + 1) * N);
      continue;
    }
    descend_repeat<N>(*split, *repeat, left, s);
    next = ++repeat == last ? count : repeat->at;
  }

  // D of the leaves below inner splits, their values.
  for (std::size_t l = leaf_begin_[t]; l < leaf_begin_[t + 1]; ++l) {
    L::all(leaves_[l].value).store(up + leaves_[l].node * N);
  }
  // The bottom splits: with two leaves below, Z and D(h) are plain numbers.
  for (const Bottom* split = bottom; split != bottom_end; ++split) {
    const double d_hot = split->value[!(row[split->column] < split->threshold)];
    (split->z_sum * one_minus_y + d_hot * y).store(up + split->node * N);
    ((d_hot - split->z_sum) * L::load(down + split->node * N)).add_to(phi + split->column * N);
  }

  // Up through the inner splits, children first: D, and the SHAP values.
  next = repeat == first ? count : (repeat - 1)->at;
  for (std::size_t at = count; at-- > 0;) {
    const Inner* const split = inner + at;
    const std::uint32_t child = split->child;
    const L d_left = L::load(up + child * N), d_right = L::load(up + (child + 1) * N);
    if (at != next) {
      const L d_hot = L::load(up + hot[at] * N);
      const L z_sum = split->z_left * d_left + split->z_right * d_right;
      (one_minus_y * z_sum + y * d_hot).store(up + split->node * N);
      (L::load(down + split->node * N) * (d_hot - z_sum)).add_to(phi + split->column * N);
      continue;
    }
    --repeat;
    next = repeat == first ? count : (repeat - 1)->at;
    ascend_repeat<N>(*split, *repeat, hot[at] == child, s);
  }
}

template <std::size_t N>
void TreeShap::descend_repeat(const Inner& split, const Repeat& repeat, bool left,
                              Scratch& s) const {
  using L = Lanes<N>;
  const L y = L::load(points_.data()), one_minus_y = L::load(one_minus_points_.data());
  const L p = L::load(s.down.data() + split.node * N);
  double* const left_down = s.down.data() + split.child * N;
  double* const right_down = left_down + N;
  const bool took = s.took_previous(repeat);
  if (took) {
    const L scaled = p * L::load(repeat_tables(repeat));
    (scaled * (repeat.z_left * one_minus_y + (left ? y : L::all(0)))).store(left_down);
    (scaled * (repeat.z_right * one_minus_y + (left ? L::all(0) : y))).store(right_down);
  } else {
    (split.z_left * p).store(left_down);
    (split.z_right * p).store(right_down);
  }
  s.on[split.child] = took && left;
  s.on[split.child + 1] = took && !left;
}

template <std::size_t N>
void TreeShap::ascend_repeat(const Inner& split, const Repeat& repeat, bool left,
                             Scratch& s) const {
  using L = Lanes<N>;
  const L y = L::load(points_.data()), one_minus_y = L::load(one_minus_points_.data());
  const L d_left = L::load(s.up.data() + split.child * N);
  const L d_right = L::load(s.up.data() + (split.child + 1) * N);
  double* const up = s.up.data() + split.node * N;
  if (!s.took_previous(repeat)) {
    (split.z_left * d_left + split.z_right * d_right).store(up);
    return;
  }
  const double* tables = repeat_tables(repeat);
  const L inverse = L::load(tables), share = L::load(tables + N);
  const L below = (repeat.z_left * one_minus_y + (left ? y : L::all(0))) * d_left +
                  (repeat.z_right * one_minus_y + (left ? L::all(0) : y)) * d_right;
  (inverse * below).store(up);
  const L own = (left - repeat.z_left) * d_left + (!left - repeat.z_right) * d_right;
  (L::load(s.down.data() + split.node * N) * inverse * (own - share * below))
      .add_to(s.phi.data() + split.column * N);
}

template <std::size_t N>
CREDITSCORE_VECTOR_CLONES void TreeShap::explain_row(const float* row, double* out) const {
  const std::size_t features = num_features();
  Scratch& s = Scratch::of_this_thread(ensemble_.max_nodes(), N, features);
  for (std::size_t f = 0; f < features; ++f) {
    const bool missing = std::isnan(row[f]);
    s.row[f] = missing ? INFINITY : row[f];
    s.row[features + f] = missing ? -INFINITY : row[f];
  }
  std::fill_n(s.phi.begin(), 2 * features * N, 0.0);
  for (std::size_t t = 0; t < ensemble_.num_trees(); ++t) explain_tree<N>(t, s.row.data(), s);
  for (std::size_t f = 0; f < features; ++f) {
    double sum = 0;
    for (std::size_t q = 0; q < N; ++q) sum += s.phi[f * N + q] + s.phi[(features + f) * N + q];
    out[f] = sum;
  }
  out[features] = base_value_;
}

void TreeShap::explain(std::span<const float> row, std::span<double> out) const {
  if (row.size() != num_features() || out.size() != num_features() + 1) {
    throw internal_error("TreeShap::explain: " + std::to_string(row.size()) + " values in and " +
                         std::to_string(out.size()) + " out for " + std::to_string(num_features()) +
                         " features");
  }
  switch (lanes_) {
    case 2:
      return explain_row<2>(row.data(), out.data());
    case 4:
      return explain_row<4>(row.data(), out.data());
    case 8:
      return explain_row<8>(row.data(), out.data());
    default:
      return explain_row<16>(row.data(), out.data());
  }
}

void TreeShap::explain(model::MatrixView rows, std::span<double> out) const {
  const std::size_t width = num_features() + 1;
  if (rows.cols != num_features() || out.size() != rows.rows * width) {
    throw internal_error("TreeShap::explain: " + std::to_string(rows.rows) + " x " +
                         std::to_string(rows.cols) + " values in and " +
                         std::to_string(out.size()) + " out for " + std::to_string(num_features()) +
                         " features");
  }
  for (std::size_t r = 0; r < rows.rows; ++r) {
    explain(std::span<const float>(rows.data + r * rows.cols, rows.cols),
            out.subspan(r * width, width));
  }
}

}  // namespace creditscore::explain
