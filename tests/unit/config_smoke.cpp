#include <doctest/doctest.h>
TEST_CASE("config placeholder") { CHECK(true); }
