// The Galera run lock's lease timing: a waiting runner takes over only a row it has watched stay
// unrenewed for the whole lease, on its own clock.
#include <doctest/doctest.h>

#include "mysql/galera_lease.hpp"

using namespace sdm::mysql::lease;
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST_CASE("a lease is taken over only after it has stayed unrenewed for the whole lease") {
  LeaseWatch watch;
  const Clock::time_point start{};
  CHECK_FALSE(watch.expired("holder-a", "7", seconds(10), start));
  CHECK_FALSE(watch.expired("holder-a", "7", seconds(10), start + milliseconds(9999)));
  CHECK(watch.unchanged_for(start + seconds(5)) == seconds(5));
  CHECK(watch.expired("holder-a", "7", seconds(10), start + seconds(10)));
}

TEST_CASE("a renewal, or another holder, starts the watch again") {
  LeaseWatch watch;
  const Clock::time_point start{};
  CHECK_FALSE(watch.expired("holder-a", "7", seconds(10), start));
  CHECK_FALSE(watch.expired("holder-a", "8", seconds(10), start + seconds(9)));
  CHECK_FALSE(watch.expired("holder-a", "8", seconds(10), start + seconds(18)));
  CHECK(watch.expired("holder-a", "8", seconds(10), start + seconds(19)));
  // A new holder that happens to have the same renewal count is a new lease.
  CHECK_FALSE(watch.expired("holder-b", "8", seconds(10), start + seconds(20)));
  CHECK(watch.unchanged_for(start + seconds(21)) == seconds(1));
}

TEST_CASE("a holder confirms its lease well before anyone may take it over") {
  CHECK(kConfirmWithin * 2 <= seconds(kLeaseSeconds));
  CHECK(kRenewEvery * 3 <= kConfirmWithin);
}
