// Latency summaries for the benchmarks: nearest-rank percentiles of a set of samples.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace fgc::bench {

// The nearest-rank q-quantile (0 < q <= 1) of `samples`; -1 when there are none.
inline double Percentile(std::vector<double> samples, double q) {
  if (samples.empty()) return -1;
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(samples.size())));
  return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

// Rounds to three decimals, so the JSON stays readable.
inline double Round3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace fgc::bench
