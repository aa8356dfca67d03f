# Hardening and warning flags for every WardStation target (STYLE.md: hardening on by default).
add_library(ward_flags INTERFACE)
target_compile_options(ward_flags INTERFACE
  -Wall -Wextra -fstack-protector-strong
  $<$<BOOL:${WARD_WERROR}>:-Werror>
  $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
target_compile_definitions(ward_flags INTERFACE
  QT_NO_CAST_FROM_BYTEARRAY QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  WARD_VERSION="${PROJECT_VERSION}")
target_link_options(ward_flags INTERFACE -Wl,-z,relro,-z,now)

# Executables are position independent (-pie) so ASLR covers them too.
function(ward_executable target)
  target_link_libraries(${target} PRIVATE ward_flags)
  target_link_options(${target} PRIVATE -pie)
endfunction()
