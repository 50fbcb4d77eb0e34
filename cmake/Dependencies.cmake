# Third-party packages, all from Debian 12's archive.

# Debian's Poco 1.11 config names PostgreSQL::client and MySQL::client in the link interface of
# Poco::DataPostgreSQL / Poco::DataMySQL without defining them; define them first.
find_package(PostgreSQL REQUIRED)
if(NOT TARGET PostgreSQL::client)
  add_library(PostgreSQL::client INTERFACE IMPORTED)
  target_link_libraries(PostgreSQL::client INTERFACE PostgreSQL::PostgreSQL)
endif()
find_path(SDM_MARIADB_INCLUDE_DIR mysql.h PATH_SUFFIXES mariadb mysql REQUIRED)
find_library(SDM_MARIADB_LIBRARY NAMES mariadb mysqlclient REQUIRED)
if(NOT TARGET MySQL::client)
  add_library(MySQL::client UNKNOWN IMPORTED)
  set_target_properties(MySQL::client PROPERTIES IMPORTED_LOCATION "${SDM_MARIADB_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${SDM_MARIADB_INCLUDE_DIR}")
endif()

find_package(Poco 1.11 REQUIRED COMPONENTS Foundation Util Data DataSQLite DataPostgreSQL DataMySQL)
find_package(Boost 1.74 REQUIRED)
find_package(yaml-cpp REQUIRED)

# Boost.DLL, header-only on std::filesystem.
add_library(sdm_boost_dll INTERFACE)
target_link_libraries(sdm_boost_dll INTERFACE Boost::headers ${CMAKE_DL_LIBS})
target_compile_definitions(sdm_boost_dll INTERFACE BOOST_DLL_USE_STD_FS)
