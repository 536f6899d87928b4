// fgc-bench suggest-slots: the time SuggestSlots' ranking takes for a large network and many
// candidate slots (issue 5: 60 people x 2,000 slots in 2 ms or less).
#pragma once

namespace fgc::bench {

int RunSuggestSlots(int people, int slots, int samples);

}  // namespace fgc::bench
