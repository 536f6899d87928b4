// fgc-bench host-start: how fast `fgc serve` comes up cold and warm, and how much it holds idle.
#pragma once

namespace fgc::bench {

int RunHostStart(int runs);

}  // namespace fgc::bench
