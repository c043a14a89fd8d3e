// Gauss–Legendre quadrature on [0, 1]: n points and weights that integrate every polynomial of
// degree < 2n exactly. TreeSHAP uses it to turn its Shapley integrals into a few evaluations.
#pragma once

#include <vector>

namespace creditscore::explain {

struct Quadrature {
  std::vector<double> points;   // in (0, 1), increasing
  std::vector<double> weights;  // positive, summing to 1
};

// Throws std::invalid_argument unless 1 <= n <= 64.
Quadrature gauss_legendre(int n);

}  // namespace creditscore::explain
