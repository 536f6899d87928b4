# google/rpc, google/api and google/type protos ship in no Debian -dev package; Debian's
# libgoogle-common-protos-java carries their sources inside its jar. Extract them into the
# build tree at configure time (never into the repository).
set(FGC_GOOGLE_PROTOS_JAR "" CACHE FILEPATH "proto-google-common-protos jar")
if(NOT FGC_GOOGLE_PROTOS_JAR)
  file(GLOB _jars /usr/share/java/proto-google-common-protos*.jar)
  list(SORT _jars)
  list(POP_BACK _jars FGC_GOOGLE_PROTOS_JAR)
endif()
if(NOT FGC_GOOGLE_PROTOS_JAR OR NOT EXISTS "${FGC_GOOGLE_PROTOS_JAR}")
  message(FATAL_ERROR "proto-google-common-protos jar not found: apt-get install libgoogle-common-protos-java")
endif()

# google/rpc in that jar (1.16.0) predates google.rpc.ErrorInfo, which AIP-193 requires; Debian's
# golang-github-gogo-googleapis-dev ships the newer google/rpc protos (plain proto3, package
# google.rpc, only Go options), so google/rpc comes from there.
set(FGC_GOOGLE_RPC_PROTO_ROOT /usr/share/gocode/src/github.com/gogo/googleapis
    CACHE PATH "root holding google/rpc/error_details.proto with ErrorInfo")
set(FGC_GOOGLE_RPC_FILES google/rpc/status.proto google/rpc/error_details.proto
    google/rpc/code.proto)
foreach(f ${FGC_GOOGLE_RPC_FILES})
  if(NOT EXISTS ${FGC_GOOGLE_RPC_PROTO_ROOT}/${f})
    message(FATAL_ERROR "${f} not found: apt-get install golang-github-gogo-googleapis-dev")
  endif()
endforeach()

set(FGC_GOOGLE_PROTO_DIR ${CMAKE_BINARY_DIR}/third_party_protos)
set(FGC_GOOGLE_JAR_FILES
    google/api/field_behavior.proto google/api/resource.proto google/type/date.proto
    google/type/dayofweek.proto)
set(FGC_GOOGLE_PROTO_FILES ${FGC_GOOGLE_RPC_FILES} ${FGC_GOOGLE_JAR_FILES})
set(_stamp ${FGC_GOOGLE_PROTO_DIR}/.extracted-from)
set(_have "")
if(EXISTS ${_stamp})
  file(READ ${_stamp} _have)
endif()
set(_source "${FGC_GOOGLE_PROTOS_JAR};${FGC_GOOGLE_RPC_PROTO_ROOT}")
if(NOT _have STREQUAL _source)
  file(REMOVE_RECURSE ${FGC_GOOGLE_PROTO_DIR})
  file(MAKE_DIRECTORY ${FGC_GOOGLE_PROTO_DIR})
  # A jar is a zip archive; cmake -E tar reads zip.
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf ${FGC_GOOGLE_PROTOS_JAR} ${FGC_GOOGLE_JAR_FILES}
                  WORKING_DIRECTORY ${FGC_GOOGLE_PROTO_DIR} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "could not extract google protos from ${FGC_GOOGLE_PROTOS_JAR}")
  endif()
  foreach(f ${FGC_GOOGLE_RPC_FILES})
    configure_file(${FGC_GOOGLE_RPC_PROTO_ROOT}/${f} ${FGC_GOOGLE_PROTO_DIR}/${f} COPYONLY)
  endforeach()
  file(WRITE ${_stamp} "${_source}")
endif()

set(FGC_GRPC_PROTO_DIR /usr/share/grpc-proto CACHE PATH "grpc-proto sources (health.proto)")
if(NOT EXISTS ${FGC_GRPC_PROTO_DIR}/grpc/health/v1/health.proto)
  message(FATAL_ERROR "grpc/health/v1/health.proto not found: apt-get install grpc-proto")
endif()
