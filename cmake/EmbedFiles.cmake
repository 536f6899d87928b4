# fgc_embed_files(target NAMESPACE ns FUNCTION fn FILES ...): compiles text files into the
# target as `std::span<const fgc::EmbeddedFile> ns::fn()`, in the order given, so that
# migrations and data tables ship inside the binary and need no files at run time.
# The header common/base/embedded_file.h declares fgc::EmbeddedFile {name, contents}.
function(fgc_embed_files target)
  cmake_parse_arguments(ARG "" "NAMESPACE;FUNCTION" "FILES" ${ARGN})
  set(_out ${CMAKE_CURRENT_BINARY_DIR}/${target}_${ARG_FUNCTION}_embedded.cc)
  set(_script ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake)
  set(_abs "")
  foreach(f ${ARG_FILES})
    get_filename_component(_a ${f} ABSOLUTE ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND _abs ${_a})
  endforeach()
  string(REPLACE ";" "|" _joined "${_abs}")
  add_custom_command(
    OUTPUT ${_out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${_out} -DNS=${ARG_NAMESPACE} -DFN=${ARG_FUNCTION}
            "-DFILES=${_joined}" -P ${_script}
    DEPENDS ${_abs} ${_script}
    COMMENT "embedding ${ARG_FUNCTION} into ${target}" VERBATIM)
  target_sources(${target} PRIVATE ${_out})
endfunction()
