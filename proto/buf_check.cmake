# Checks the fgc.v1 contracts with buf: `buf lint` (STANDARD and COMMENTS rules, no exceptions)
# or `buf format` (no diff), on a workspace assembled in the build tree as proto/buf.yaml
# describes. Fails, rather than skips, when buf is missing.
#
#   cmake -DBUF=<buf> -DCHECK=lint|format -DPROTO_SOURCE_DIR=<repo>/proto
#         -DGOOGLE_PROTO_DIR=<build>/third_party_protos -DWORK_DIR=<dir> -P buf_check.cmake
foreach(_var BUF CHECK PROTO_SOURCE_DIR GOOGLE_PROTO_DIR WORK_DIR)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "buf_check.cmake: -D${_var}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${BUF}")
  message(FATAL_ERROR
    "buf not found at ${BUF}. Install the test tooling: `npm ci --prefix tests/node` "
    "(from the repository root).")
endif()

# A fresh copy each run, so that a file deleted from the repository is gone from the workspace.
set(_ws "${WORK_DIR}/buf-workspace")
file(REMOVE_RECURSE "${_ws}")
file(MAKE_DIRECTORY "${_ws}")
file(COPY "${PROTO_SOURCE_DIR}/buf.yaml" DESTINATION "${_ws}")
file(COPY "${PROTO_SOURCE_DIR}/fgc" DESTINATION "${_ws}/proto" FILES_MATCHING PATTERN "*.proto")
file(COPY "${GOOGLE_PROTO_DIR}/google" DESTINATION "${_ws}/third_party_protos"
     FILES_MATCHING PATTERN "*.proto")

# Keep buf's cache in the build tree, not in $HOME.
set(ENV{BUF_CACHE_DIR} "${WORK_DIR}/buf-cache")
if(CHECK STREQUAL "lint")
  set(_args lint --error-format text)
  set(_fix "fix the findings above (paths are relative to the repository's proto/ directory)")
elseif(CHECK STREQUAL "format")
  set(_args format --diff --exit-code proto)
  set(_fix "run `buf format -w` on the files above (the buf from tests/node/node_modules/.bin)")
else()
  message(FATAL_ERROR "buf_check.cmake: CHECK must be lint or format, not ${CHECK}")
endif()
execute_process(COMMAND "${BUF}" ${_args} WORKING_DIRECTORY "${_ws}" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "buf ${CHECK} failed (exit ${_rc}): ${_fix}")
endif()
message(STATUS "buf ${CHECK}: clean")
