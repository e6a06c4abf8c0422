# The C++ wrapper (include/docker_containers.hpp) and the CMake package (cmake/):
#   check-wrapper  every function the library exports is used by the wrapper, or listed with a
#                  reason in bindings/cpp/unwrapped.txt
#   cmake-test     install into a scratch prefix, build the C++ tests and examples-cpp/ with
#                  CMake's find_package against it, run them under valgrind and built with
#                  -fsanitize=address,undefined, statically linked too. Containers: dccpp-*.

CPP_DIR := bindings/cpp
CPP_UNWRAPPED := $(CPP_DIR)/unwrapped.txt
CMAKE_PREFIX := $(CURDIR)/$(BUILD)/cmake-prefix
CMAKE_BUILD := $(BUILD)/cmake

.PHONY: check-wrapper cmake-test

# The wrapper compiled with every inline function kept: the docker_* symbols that object needs
# are the C functions the wrapper calls (nm -u), compared with what the library exports (nm -D).
check-wrapper: $(RELEASE_DIR)/libdocker_containers.so include/docker_containers.hpp $(HEADER)
	@mkdir -p $(BUILD)/cpp
	printf '#include "docker_containers.hpp"\n' > $(BUILD)/cpp/wrapper-all.cpp
	$(CXX) -std=c++17 $(CWARN) -pedantic -fkeep-inline-functions -Iinclude -c $(BUILD)/cpp/wrapper-all.cpp -o $(BUILD)/cpp/wrapper-all.o
	@nm -u $(BUILD)/cpp/wrapper-all.o | awk '$$2 ~ /^docker_/ {print $$2}' | sort -u > $(BUILD)/cpp/wrapped.txt
	@nm -D --defined-only $< | awk '$$2 == "T" && $$3 ~ /^docker_/ {print $$3}' | sort -u > $(BUILD)/cpp/exported.txt
	@grep -v '^[[:space:]]*\(#\|$$\)' $(CPP_UNWRAPPED) | awk '{print $$1}' | sort -u > $(BUILD)/cpp/listed.txt
	@missing=$$(sort -u $(BUILD)/cpp/wrapped.txt $(BUILD)/cpp/listed.txt | comm -23 $(BUILD)/cpp/exported.txt -); \
	stale=$$(comm -12 $(BUILD)/cpp/listed.txt $(BUILD)/cpp/wrapped.txt; comm -23 $(BUILD)/cpp/listed.txt $(BUILD)/cpp/exported.txt); \
	unknown=$$(comm -23 $(BUILD)/cpp/wrapped.txt $(BUILD)/cpp/exported.txt); \
	[ -z "$$missing" ] || { echo "check-wrapper: exported but neither wrapped nor listed in $(CPP_UNWRAPPED):"; echo "$$missing"; exit 1; }; \
	[ -z "$$stale" ] || { echo "check-wrapper: listed in $(CPP_UNWRAPPED) but wrapped or not exported:"; echo "$$stale"; exit 1; }; \
	[ -z "$$unknown" ] || { echo "check-wrapper: the wrapper calls functions the library does not export:"; echo "$$unknown"; exit 1; }; \
	echo "check-wrapper: $$(wc -l < $(BUILD)/cpp/wrapped.txt) of $$(wc -l < $(BUILD)/cpp/exported.txt) exported functions wrapped, $$(wc -l < $(BUILD)/cpp/listed.txt) listed as unwrapped"

CMAKE_CONFIGURE = cmake -S $(1) -B $(2) -DCMAKE_PREFIX_PATH=$(CMAKE_PREFIX) -DCMAKE_BUILD_TYPE=Debug $(3) > $(2).log 2>&1 || { cat $(2).log; exit 1; }

# dist first: install-test also installs from build/dist, maybe at the same time (make -j).
cmake-test: engine dist
	rm -rf $(CMAKE_PREFIX) $(CMAKE_BUILD)
	$(MAKE) --no-print-directory install PREFIX=$(CMAKE_PREFIX)
	@mkdir -p $(CMAKE_BUILD)
	$(call CMAKE_CONFIGURE,$(CPP_DIR)/tests,$(CMAKE_BUILD)/tests,)
	$(call CMAKE_CONFIGURE,$(CPP_DIR)/tests,$(CMAKE_BUILD)/tests-san,-DDC_SANITIZE=ON)
	$(call CMAKE_CONFIGURE,examples-cpp,$(CMAKE_BUILD)/example,)
	cmake --build $(CMAKE_BUILD)/tests
	cmake --build $(CMAKE_BUILD)/tests-san --target test_api
	cmake --build $(CMAKE_BUILD)/example
	@set -e; for want in "" 0.1 $(VERSION) "0.1.0...<0.2"; do \
	  cmake -S $(CPP_DIR)/tests/version -B $(CMAKE_BUILD)/version -DCMAKE_PREFIX_PATH=$(CMAKE_PREFIX) -DDC_WANT="$$want" > $(CMAKE_BUILD)/version.log 2>&1 \
	    || { cat $(CMAKE_BUILD)/version.log; echo "cmake-test: find_package refused version '$$want'"; exit 1; }; done; \
	for want in 0.2 0.0 1.0 0.1.9 "0.2...<1.0" 0.0...0.0.9; do \
	  if cmake -S $(CPP_DIR)/tests/version -B $(CMAKE_BUILD)/version -DCMAKE_PREFIX_PATH=$(CMAKE_PREFIX) -DDC_WANT="$$want" > $(CMAKE_BUILD)/version.log 2>&1; then \
	    echo "cmake-test: find_package accepted version '$$want' from $(VERSION)"; exit 1; fi; done; \
	echo "cmake-test: find_package accepts '', 0.1, $(VERSION), 0.1.0...<0.2 and refuses 0.2, 0.0, 1.0, 0.1.9, 0.2...<1.0, 0.0...0.0.9"
	readelf -d $(CMAKE_BUILD)/tests/test_api | grep -q 'NEEDED.*libdocker_containers.so.$(ABI)'
	! readelf -d $(CMAKE_BUILD)/tests/test_api_static | grep -q 'libdocker_containers'
	@set -e; \
	echo "== test_api (shared library, valgrind)"; $(VALGRIND) $(CMAKE_BUILD)/tests/test_api; \
	echo "== test_api_static (static library)"; $(CMAKE_BUILD)/tests/test_api_static; \
	echo "== test_api (-fsanitize=address,undefined)"; \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $(CMAKE_BUILD)/tests-san/test_api; \
	echo "== examples-cpp/quickstart (valgrind)"; $(VALGRIND) $(CMAKE_BUILD)/example/quickstart dccpp-quickstart
	@left=$$(docker ps -aq --filter name=dccpp-); [ -z "$$left" ] || { echo "cmake-test: dccpp- containers left: $$left"; exit 1; }
	@echo "cmake-test: shared, static and sanitizer builds of test_api and the quickstart passed, no dccpp- containers left"

BINDING_TESTS += check-wrapper cmake-test
