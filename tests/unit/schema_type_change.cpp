// Which type changes can lose or reject values.
#include <doctest/doctest.h>

#include <string>

#include "schema/type_change.hpp"

using namespace sdm;
using schema::conversion_risk;

TEST_CASE("widening a type has no conversion risk") {
  CHECK_FALSE(conversion_risk(String(15), String(45)));
  CHECK_FALSE(conversion_risk(String(200), Text()));
  CHECK_FALSE(conversion_risk(Text(), LongText()));
  CHECK_FALSE(conversion_risk(SmallInteger(), Integer()));
  CHECK_FALSE(conversion_risk(Integer(), BigInteger()));
  CHECK_FALSE(conversion_risk(Numeric(10, 2), Numeric(12, 2)));
  CHECK_FALSE(conversion_risk(Integer(), Numeric()));
  CHECK_FALSE(conversion_risk(Date(), DateTime()));
  CHECK_FALSE(conversion_risk(Boolean(), Boolean()));
}

TEST_CASE("narrowing a type says what happens to the values") {
  CHECK(conversion_risk(String(45), String(15)) ==
        std::optional<std::string>("values longer than 15 characters are cut or rejected"));
  CHECK(conversion_risk(Text(), String(200)) ==
        std::optional<std::string>("values longer than 200 characters are cut or rejected"));
  CHECK(conversion_risk(String(), String(10)).has_value());
  CHECK(conversion_risk(LongText(), Text()).has_value());
  CHECK(conversion_risk(BigInteger(), Integer()) ==
        std::optional<std::string>("values too large for INTEGER are rejected"));
  CHECK(conversion_risk(Numeric(10, 4), Numeric(10, 2)).has_value());
  CHECK(conversion_risk(Numeric(12, 2), Numeric(8, 2)).has_value());
  CHECK(conversion_risk(BigInteger(), Numeric(10, 0)).has_value());
  CHECK(conversion_risk(DateTime(), Date()) ==
        std::optional<std::string>("the time of day is lost"));
  CHECK(conversion_risk(Float(), Integer()).has_value());
}

TEST_CASE("changing to an unrelated type is a risk that names both types") {
  const auto risk = conversion_risk(Text(), Integer());
  REQUIRE(risk.has_value());
  CHECK(risk->find("from TEXT to INTEGER") != std::string::npos);
  CHECK(conversion_risk(Raw("JSON"), Raw("JSONB")).has_value());
}

TEST_CASE("types are described in generic SQL words") {
  CHECK(schema::describe_type(String(45)) == "VARCHAR(45)");
  CHECK(schema::describe_type(Numeric(10, 2)) == "NUMERIC(10, 2)");
  CHECK(schema::describe_type(LongText()) == "LONGTEXT");
  CHECK(schema::describe_type(Raw("JSONB")) == "JSONB");
}
