# Helpers every folder uses: warnings as errors for project code, and gtest registration.
include(GoogleTest)

# fgc_warnings(target): project code builds warning-free; generated code is exempt.
function(fgc_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror
                                           -Wno-missing-field-initializers)
endfunction()

# fgc_library(name SOURCES ... DEPS ...): a project library, warnings as errors.
function(fgc_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  fgc_warnings(${name})
endfunction()

# fgc_executable(name SOURCES ... DEPS ...): a program in build/bin.
# Programs allocate through tcmalloc (Debian's gperftools): gRPC's many threads made glibc's
# malloc a tenth of the host's CPU under load. Linked as needed or not, since nothing names it.
find_library(TCMALLOC_MINIMAL tcmalloc_minimal REQUIRED)
set(CMAKE_LINK_LIBRARY_USING_NO_AS_NEEDED
    "LINKER:--push-state,--no-as-needed" "<LINK_ITEM>" "LINKER:--pop-state")
set(CMAKE_LINK_LIBRARY_USING_NO_AS_NEEDED_SUPPORTED TRUE)

function(fgc_executable name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS}
    "$<LINK_LIBRARY:NO_AS_NEEDED,${TCMALLOC_MINIMAL}>")
  fgc_warnings(${name})
endfunction()

# fgc_test(name SOURCES ... DEPS ... [LABELS ...]): a gtest binary registered with ctest,
# one ctest entry per test case so that ctest -j runs them in parallel. Tests get
# $FGC_BIN_DIR (the programs) and the macro FGC_SOURCE_DIR (the source tree).
function(fgc_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  fgc_warnings(${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  # One variable only: gtest_discover_tests flattens PROPERTIES, so a second ';'-separated
  # entry would be lost. Tests find source files through the FGC_SOURCE_DIR definition.
  target_compile_definitions(${name} PRIVATE FGC_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set(_props TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "FGC_BIN_DIR=${CMAKE_BINARY_DIR}/bin")
  if(ARG_LABELS)
    list(APPEND _props LABELS "${ARG_LABELS}")
  endif()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 PROPERTIES ${_props})
endfunction()
