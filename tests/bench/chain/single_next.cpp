// Template of every later revision of a chain, one revision per file.
#include "chain_step.hpp"

BENCH_CHAIN_STEP(step, "rev@SELF@", "rev@PREV@")
SDM_REVISION_PLUGIN(step)
