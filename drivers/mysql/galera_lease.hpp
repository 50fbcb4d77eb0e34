// The timing of the Galera run lock's lease, apart from any database so it can be tested.
//
// The holder renews its lock row every kRenewEvery. A waiting runner takes the lock over once
// it has seen the row unchanged (same holder, same renewal count) for the lease, measured on
// its own clock, so the nodes' clocks never have to agree. The holder writes only while its
// lease was confirmed within kConfirmWithin, half the lease: a holder that was stopped or cut
// off notices before anyone can have taken over, and confirms again (or stops) first.
#pragma once

#include <chrono>
#include <string>

namespace sdm::mysql::lease {

using Clock = std::chrono::steady_clock;

/// How often the holder renews its lease.
inline constexpr std::chrono::milliseconds kRenewEvery{1000};
/// How long a lease must stay unrenewed before another runner takes the lock over.
inline constexpr int kLeaseSeconds = 10;
/// A holder writes only while its lease was confirmed this recently.
inline constexpr std::chrono::seconds kConfirmWithin{kLeaseSeconds / 2};
/// A lease seen unrenewed this long is reported as stalling while runners wait.
inline constexpr std::chrono::seconds kReportStalledAfter{3};

/// What a waiting runner has seen of one lock row.
class LeaseWatch {
 public:
  /// Records the row's holder token and renewal count as seen at `now`; true once the same
  /// pair has been seen for `lease` or longer: its holder stopped renewing.
  bool expired(const std::string& token, const std::string& renewals, std::chrono::seconds lease,
               Clock::time_point now) {
    if (!seen_ || token != token_ || renewals != renewals_) {
      token_ = token;
      renewals_ = renewals;
      since_ = now;
      seen_ = true;
      return false;
    }
    return now - since_ >= lease;
  }

  /// How long the pair seen last has stayed the same.
  Clock::duration unchanged_for(Clock::time_point now) const {
    return seen_ ? now - since_ : Clock::duration::zero();
  }

 private:
  std::string token_, renewals_;
  Clock::time_point since_{};
  bool seen_ = false;
};

}  // namespace sdm::mysql::lease
