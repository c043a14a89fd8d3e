// The measures of drift between the training clients (a reference known by its distribution)
// and current ones: the credit-risk industry's population stability index, and the two-sample
// tests and distances that Evidently uses by default (Kolmogorov-Smirnov, chi-squared, the
// Z-test of a proportion, normed Wasserstein distance, Jensen-Shannon distance).
#pragma once

#include <span>

namespace creditscore::model {

// PSI = sum over bins of (current - reference) * ln(current / reference), shares floored at
// 0.0001 so that an empty bin counts without dividing by zero. Below 0.10 stable, 0.10 to 0.25
// moderate, above 0.25 significant. The spans are shares of the same bins.
double population_stability_index(std::span<const double> reference,
                                  std::span<const double> current);

// The p-value of a two-sample Kolmogorov-Smirnov statistic `d` between samples of n and m
// clients, from Kolmogorov's limiting distribution with Stephens' small-sample correction.
double kolmogorov_smirnov_p_value(double d, double n, double m);

// The upper tail of the chi-squared distribution with `degrees` degrees of freedom.
double chi_squared_p_value(double statistic, double degrees);

// The two-sided p-value of the Z-test that two proportions are equal (pooled variance):
// `reference` and `current` are the shares, n and m the clients. 1 when the pooled share is 0 or 1.
double proportions_z_test_p_value(double reference, double n, double current, double m);

// Jensen-Shannon distance (the square root of the divergence, natural logarithm, as SciPy's
// default) between two distributions over the same categories; each is normalised to sum 1.
double jensen_shannon_distance(std::span<const double> p, std::span<const double> q);

}  // namespace creditscore::model
