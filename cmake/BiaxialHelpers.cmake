# Shared CMake helpers of Biaxial Studio.

# Usage: biaxial_setup_target(target)
# C++20, the project's warnings (PRIVATE, so they never leak to users of a library).
function(biaxial_setup_target target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
        if(BIAXIAL_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()

# Usage: biaxial_link_tcmalloc(target)
# Links tcmalloc (DESIGN.md §2: glibc malloc page-faults on LibTorch's large fresh buffers).
function(biaxial_link_tcmalloc target)
    if(NOT BIAXIAL_WITH_TCMALLOC)
        return()
    endif()
    find_library(BIAXIAL_TCMALLOC_LIB NAMES tcmalloc_minimal tcmalloc)
    if(BIAXIAL_TCMALLOC_LIB)
        target_link_libraries(${target} PRIVATE ${BIAXIAL_TCMALLOC_LIB})
        # For app/KeepFreedMemory.h (tcmalloc's MallocExtension).
        target_compile_definitions(${target} PRIVATE BIAXIAL_HAVE_TCMALLOC=1)
    else()
        message(WARNING "tcmalloc not found: ${target} will use glibc malloc (slower training)")
    endif()
endfunction()

# Usage: biaxial_add_test(name SOURCES a.cpp b.cpp LIBS lib... [LABELS unit gui slow gpu] [GUI] [TIMEOUT s])
# One GoogleTest executable registered with ctest; the data roots are compile definitions;
# GUI tests get QT_QPA_PLATFORM=offscreen so they never need a display.
function(biaxial_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    biaxial_setup_target(${name})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest Threads::Threads)
    target_compile_definitions(${name} PRIVATE
        BIAXIAL_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        BIAXIAL_SHARED_DATA_DIR="${BIAXIAL_SHARED_DATA_DIR}"
        BIAXIAL_RESOURCES_DIR="${PROJECT_SOURCE_DIR}/resources")
    add_test(NAME ${name} COMMAND ${name})
    set(labels ${ARG_LABELS})
    if(NOT labels)
        set(labels unit)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${labels}")
    if(ARG_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
    endif()
    if(ARG_GUI)
        set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
    endif()
endfunction()
