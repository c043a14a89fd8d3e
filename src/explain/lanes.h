// N doubles handled element-wise, one per quadrature point: a GCC vector, so that the compiler
// keeps it in SIMD registers whatever the instruction set it targets.
#pragma once

#include <cstddef>
#include <cstring>

// Marks a function to be compiled twice, for any x86-64 and for AVX2 + FMA (x86-64-v3), the
// loader picking the one the CPU runs best: SHAP kernels are mostly lane arithmetic. GCC only:
// clang 14 (the fuzz build) does not emit the resolvers of cloned function templates.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define CREDITSCORE_VECTOR_CLONES [[gnu::target_clones("arch=x86-64-v3", "default")]]
#else
#define CREDITSCORE_VECTOR_CLONES
#endif

namespace creditscore::explain {

template <std::size_t N>
struct Lanes {
  // (A typedef: GCC drops the attribute from a dependent `using`.)
  typedef double Vector __attribute__((vector_size(N * sizeof(double))));
  static_assert(sizeof(Vector) == N * sizeof(double));
  Vector v;

  static Lanes load(const double* from) {
    Lanes lanes;
    std::memcpy(&lanes.v, from, sizeof lanes.v);  // an unaligned load
    return lanes;
  }
  // value - 0 rather than value + 0, which the compiler may not fold: -0 + 0 is +0.
  static Lanes all(double value) { return {value - Vector{}}; }
  void store(double* to) const { std::memcpy(to, &v, sizeof v); }
  // to += *this, lane by lane.
  void add_to(double* to) const { (load(to) + *this).store(to); }

  friend Lanes operator+(const Lanes& a, const Lanes& b) { return {a.v + b.v}; }
  friend Lanes operator-(const Lanes& a, const Lanes& b) { return {a.v - b.v}; }
  friend Lanes operator*(const Lanes& a, const Lanes& b) { return {a.v * b.v}; }
  friend Lanes operator*(double s, const Lanes& a) { return {s * a.v}; }
};

}  // namespace creditscore::explain
