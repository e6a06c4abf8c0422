# docker_containers: the entry point for C users and for CI.
#   make            build the library (release) and the header
#   make quickstart build, start a local engine when none answers, run examples-c/quickstart.c
#   make test       every test: Rust unit and engine tests, header checks, C tests under valgrind
#   make header     regenerate include/docker_containers.h (cbindgen 0.29.0)
#   make api        regenerate the ABI description (api/) and the bindings' FFI tables from it
#   make options    regenerate api/options.json and what is generated from it, then the header
#   make bench      benchmarks (benches/)
#   make bench-cost instructions and syscalls per call, library vs raw floor (benches/cost.py)

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

CARGO   ?= cargo
CC      ?= cc
CXX     ?= c++
CWARN   := -Wall -Wextra -Werror
BUILD   := build
HEADER  := include/docker_containers.h
CBINDGEN_VERSION := 0.29.0

VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
ABI     := $(word 1,$(subst ., ,$(VERSION))).$(word 2,$(subst ., ,$(VERSION)))

RELEASE_DIR := target/release
DEBUG_DIR   := target/debug
VALGRIND := valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
            --show-leak-kinds=definite --track-origins=yes

.PHONY: install install-test dist
.PHONY: api check-api
.PHONY: options check-options
.PHONY: all release debug header check-header check-symbols engine quickstart test rust-test remote-up remote-test c-test bench bench-cost clean
.PHONY: podman podman-test

all: release

# The shared library's soname is libdocker_containers.so.MAJOR.MINOR (build.rs): programs linked
# against target/ look for that name, so each build links it beside the .so.
SONAME_LINK = ln -sf libdocker_containers.so $(1)/libdocker_containers.so.$(ABI)

release:
	$(CARGO) build --release
	$(call SONAME_LINK,$(RELEASE_DIR))

debug:
	$(CARGO) build --features test-panic
	$(call SONAME_LINK,$(DEBUG_DIR))

header:
	cbindgen --config cbindgen.toml --output $(HEADER)

# The committed header must be what cbindgen makes now, and must compile as C99 and C++17.
check-header:
	@cbindgen --version | grep -q " $(CBINDGEN_VERSION)$$" || { echo "need cbindgen $(CBINDGEN_VERSION), have: $$(cbindgen --version)"; exit 1; }
	@mkdir -p $(BUILD)
	cbindgen --config cbindgen.toml --output $(BUILD)/header-check.h
	@cmp -s $(BUILD)/header-check.h $(HEADER) || { echo "$(HEADER) is stale: run 'make header' and commit it"; diff -u $(HEADER) $(BUILD)/header-check.h | head -40; exit 1; }
	printf '#include "docker_containers.h"\nint main(void){return 0;}\n' > $(BUILD)/header-c.c
	$(CC) -std=c99 $(CWARN) -pedantic -Iinclude -c $(BUILD)/header-c.c -o $(BUILD)/header-c.o
	printf '#include "docker_containers.h"\nint main(){return 0;}\n' > $(BUILD)/header-cpp.cpp
	$(CXX) -std=c++17 $(CWARN) -pedantic -Iinclude -c $(BUILD)/header-cpp.cpp -o $(BUILD)/header-cpp.o
	@echo "header: fresh, compiles as C99 and C++17"

# The ABI description, api/docker_containers.api.json, read from the header with pycparser
# (scripts/api/gen_api.py, api/annotations.json for what C types cannot say, api/options.json
# when present), and the Python, Ruby and Node FFI tables generated from it
# (scripts/api/gen_bindings.py). API_HEADER=other.h reads another header (a scratch copy).
API_JSON   := api/docker_containers.api.json
API_HEADER ?= $(HEADER)
GEN_API    := python3 scripts/api/gen_api.py --header $(API_HEADER)
# make <lang>-test checks that binding's table against the header as it is now.
CHECK_API_TABLE = python3 scripts/api/gen_bindings.py --check $(1) --header $(API_HEADER)

api:
	$(GEN_API)
	python3 scripts/api/gen_bindings.py

check-api: debug
	@mkdir -p $(BUILD)
	python3 scripts/api/test_gen_api.py
	@$(GEN_API) --out $(BUILD)/api-check.json >/dev/null
	@cmp -s $(BUILD)/api-check.json $(API_JSON) || { echo "$(API_JSON) is stale: run 'make api' and commit it"; diff -u $(API_JSON) $(BUILD)/api-check.json | head -40; exit 1; }
	@echo "api: $(API_JSON) fresh"
	@$(call CHECK_API_TABLE,all)
# The option table (src/engine/option_table.rs) as api/options.json, and what
# scripts/gen_options.py makes from it: the `Options (option table...)` doc blocks in src/ffi
# (so the header's), the TypeScript interfaces (bindings/node/lib/option-types.d.ts), the Python
# TypedDicts (bindings/python/docker_containers/_options.py) and the Go option structs
# (bindings/go/options_gen.go). check-options fails when any of them is stale.
OPTIONS_JSON := api/options.json
OPTIONS_DUMP = $(CARGO) run -q --features test-panic --example options_json

options:
	@mkdir -p $(BUILD) api
	$(OPTIONS_DUMP) > $(BUILD)/options.json
	mv $(BUILD)/options.json $(OPTIONS_JSON)
	python3 scripts/gen_options.py
	$(MAKE) header

check-options:
	@mkdir -p $(BUILD)
	$(OPTIONS_DUMP) > $(BUILD)/options-check.json
	@cmp -s $(BUILD)/options-check.json $(OPTIONS_JSON) || { echo "$(OPTIONS_JSON) is stale: run 'make options' and commit it"; \
	  diff -u $(OPTIONS_JSON) $(BUILD)/options-check.json | head -40; exit 1; }
	python3 scripts/gen_options.py --check

# Every symbol the shared library exports must begin with docker_.
check-symbols: debug
	@bad=$$(nm -D --defined-only $(DEBUG_DIR)/libdocker_containers.so | awk '$$2 ~ /^[TDBR]$$/ {print $$3}' | grep -v '^docker_' || true); \
	if [ -n "$$bad" ]; then echo "exported symbols without the docker_ prefix:"; echo "$$bad"; exit 1; fi; \
	echo "symbols: $$(nm -D --defined-only $(DEBUG_DIR)/libdocker_containers.so | awk '$$2 == "T"' | wc -l) exported functions, all docker_*"

engine:
	bash scripts/engine-up.sh

$(BUILD)/quickstart: examples-c/quickstart.c $(HEADER) release
	@mkdir -p $(BUILD)
	$(CC) -std=c99 $(CWARN) -Iinclude examples-c/quickstart.c -L$(RELEASE_DIR) -ldocker_containers \
	    -Wl,-rpath,$(CURDIR)/$(RELEASE_DIR) -o $@

quickstart: $(BUILD)/quickstart engine
	./$(BUILD)/quickstart

rust-test: engine podman remote-up
	$(CARGO) test --features test-panic

# Remote engines (tests/remote.rs): a second dockerd speaking only TLS (DC_TLS_PORT, default
# 2376, scripts/tls-engine-up.sh) and a private sshd (DC_SSH_PORT, default 2222,
# scripts/sshd-up.sh) in front of the first engine.
# The second, TLS-only dockerd and the loopback sshd that tests/remote.rs needs.
remote-up: engine
	bash scripts/tls-engine-up.sh
	bash scripts/sshd-up.sh

remote-test: remote-up
	$(CARGO) test --features test-panic --test remote

C_TESTS := $(patsubst tests/c/%.c,$(BUILD)/c/%,$(wildcard tests/c/*.c))
C_EXAMPLES := $(patsubst examples-c/%.c,$(BUILD)/c/example-%,$(wildcard examples-c/*.c))
CPP_TESTS := $(patsubst tests/cpp/%.cpp,$(BUILD)/c/cpp-%,$(wildcard tests/cpp/*.cpp))

$(BUILD)/c/cpp-%: tests/cpp/%.cpp include/docker_containers.hpp $(HEADER) debug
	@mkdir -p $(BUILD)/c
	$(CXX) -std=c++17 $(CWARN) -pedantic -g -Iinclude $< -L$(DEBUG_DIR) -ldocker_containers -lpthread \
	    -Wl,-rpath,$(CURDIR)/$(DEBUG_DIR) -o $@

$(BUILD)/c/%: tests/c/%.c tests/c/check.h $(HEADER) debug
	@mkdir -p $(BUILD)/c
	$(CC) -std=c99 $(CWARN) -g -Iinclude -Itests/c $< -L$(DEBUG_DIR) -ldocker_containers -lpthread \
	    -Wl,-rpath,$(CURDIR)/$(DEBUG_DIR) -o $@

$(BUILD)/c/example-%: examples-c/%.c $(HEADER) debug
	@mkdir -p $(BUILD)/c
	$(CC) -std=c99 $(CWARN) -g -Iinclude $< -L$(DEBUG_DIR) -ldocker_containers -lpthread \
	    -Wl,-rpath,$(CURDIR)/$(DEBUG_DIR) -o $@

# Each C test and example runs once under valgrind: no definite leaks, no invalid access.
c-test: engine $(C_TESTS) $(C_EXAMPLES) $(CPP_TESTS)
	@set -e; passed=0; failed=0; for t in $(C_TESTS) $(C_EXAMPLES) $(CPP_TESTS); do \
	  echo "== $$t (valgrind)"; \
	  supp=tests/c/$$(basename $$t).supp; extra=""; [ -f $$supp ] && extra="--suppressions=$$supp"; \
	  if $(VALGRIND) $$extra $$t; then passed=$$((passed+1)); else echo "FAILED: $$t"; failed=$$((failed+1)); fi; \
	done; echo "c-tests: $$passed passed, $$failed failed"; [ $$failed -eq 0 ]

# The same C and C++ tests and examples built with the address and undefined-behaviour
# sanitizers (LeakSanitizer included), run once each: a second opinion beside valgrind that
# also sees the stack and what valgrind's slower run may hide.
SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_ENV  := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
SAN_TESTS := $(patsubst $(BUILD)/c/%,$(BUILD)/san/%,$(C_TESTS) $(C_EXAMPLES) $(CPP_TESTS))

$(BUILD)/san/cpp-%: tests/cpp/%.cpp include/docker_containers.hpp $(HEADER) debug
	@mkdir -p $(BUILD)/san
	$(CXX) -std=c++17 $(CWARN) -pedantic -g $(SAN) -Iinclude $< -L$(DEBUG_DIR) -ldocker_containers -lpthread \
	    -Wl,-rpath,$(CURDIR)/$(DEBUG_DIR) -o $@

$(BUILD)/san/example-%: examples-c/%.c $(HEADER) debug
	@mkdir -p $(BUILD)/san
	$(CC) -std=c99 $(CWARN) -g $(SAN) -Iinclude $< -L$(DEBUG_DIR) -ldocker_containers -lpthread \
	    -Wl,-rpath,$(CURDIR)/$(DEBUG_DIR) -o $@

$(BUILD)/san/%: tests/c/%.c tests/c/check.h $(HEADER) debug
	@mkdir -p $(BUILD)/san
	$(CC) -std=c99 $(CWARN) -g $(SAN) -Iinclude -Itests/c $< -L$(DEBUG_DIR) -ldocker_containers -lpthread \
	    -Wl,-rpath,$(CURDIR)/$(DEBUG_DIR) -o $@

.PHONY: c-sanitize
c-sanitize: engine $(SAN_TESTS)
	@set -e; passed=0; failed=0; for t in $(SAN_TESTS); do \
	  echo "== $$t (address and undefined-behaviour sanitizers)"; \
	  if $(SAN_ENV) $$t; then passed=$$((passed+1)); else echo "FAILED: $$t"; failed=$$((failed+1)); fi; \
	done; echo "c-sanitize: $$passed passed, $$failed failed"; [ $$failed -eq 0 ]

# Each binding (bindings/LANG/rules.mk) adds its test target to BINDING_TESTS.
BINDING_TESTS :=
include $(sort $(wildcard bindings/*/rules.mk))
# make packages, make package-test: every binding packaged with the library inside.
include packages/rules.mk

# Formatting and lints: rustfmt's layout, and clippy with every warning an error, on the library,
# the tests and the examples.
.PHONY: lint
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets --features test-panic -- -D warnings
	@echo "lint: cargo fmt and clippy clean"

# tests/golden/create_bodies.json is generated from docker-py itself (docker-py 7.1.0 in the
# venv of scripts/deps.d/golden.sh): it must be what the generator makes now.
GOLDEN_PY ?= $(or $(DC_GOLDEN_VENV),/opt/dc-golden-venv)/bin/python
.PHONY: check-golden
check-golden:
	@[ -x $(GOLDEN_PY) ] || { echo "check-golden: no docker-py venv: run scripts/install-deps.sh"; exit 1; }
	@mkdir -p $(BUILD)
	$(GOLDEN_PY) tests/golden/gen_create_bodies.py --out $(BUILD)/golden-check.json
	@cmp -s $(BUILD)/golden-check.json tests/golden/create_bodies.json || { echo "tests/golden/create_bodies.json is stale: run tests/golden/gen_create_bodies.py and commit it"; \
	  diff -u tests/golden/create_bodies.json $(BUILD)/golden-check.json | head -40; exit 1; }
	@echo "golden: tests/golden/create_bodies.json fresh"

test: lint check-options check-golden check-header check-api check-symbols rust-test c-test c-sanitize install-test podman-test $(BINDING_TESTS) package-test
	@echo "all tests passed"

# Podman's Docker-compatible service as a second engine (scripts/podman-up.sh; README, "Podman").
PODMAN_HOST ?= unix:///run/dc-podman/podman.sock
export DC_PODMAN_HOST := $(PODMAN_HOST)
PODMAN_TESTS := --test ffi_client --test containers --test containers_more --test streams --test files \
                --test networks --test volumes

podman:
	DC_PODMAN_SOCK=$(PODMAN_HOST:unix://%=%) bash scripts/podman-up.sh

# The engine tests again with Podman as the environment's engine (Rust, then C and C++ under
# valgrind), then fanout.c against dockerd, Podman and two unreachable addresses at once, under
# valgrind: two engines ok, two errors.
podman-test: engine podman $(BUILD)/c/example-fanout $(C_TESTS) $(CPP_TESTS)
	DOCKER_HOST=$(PODMAN_HOST) $(CARGO) test --features test-panic $(PODMAN_TESTS)
	@set -e; for t in $(C_TESTS) $(CPP_TESTS); do echo "== $$t against Podman (valgrind)"; \
	  supp=tests/c/$$(basename $$t).supp; extra=""; [ -f $$supp ] && extra="--suppressions=$$supp"; \
	  DOCKER_HOST=$(PODMAN_HOST) $(VALGRIND) $$extra $$t; done
	@echo "== $(BUILD)/c/example-fanout, four engines (valgrind)"
	@out=$$($(VALGRIND) $(BUILD)/c/example-fanout unix:///var/run/docker.sock $(PODMAN_HOST) \
	    unix:///nonexistent/dcpod.sock tcp://127.0.0.1:1); rc=$$?; echo "$$out"; \
	[ $$rc -eq 2 ] || { echo "fanout: wanted exit status 2 (some engines failed), got $$rc"; exit 1; }; \
	[ $$(grep -c '^engine [01] .*: ok: .*exec said "engine [01] says hello", exit code 7$$' <<<"$$out") -eq 2 ] && \
	grep -q '^engine 2 unix:///nonexistent/dcpod.sock: error: .*(connection error)$$' <<<"$$out" && \
	grep -q '^engine 3 tcp://127.0.0.1:1: error: .*(connection error)$$' <<<"$$out" && \
	grep -q '^fanout: 4 engines, 2 ok, 2 failed$$' <<<"$$out" || { echo "fanout: unexpected output"; exit 1; }
	@echo "podman-test: passed"

$(BUILD)/bench-rows: benches/rows.c $(HEADER) release
	@mkdir -p $(BUILD)
	$(CC) -std=c99 -O2 $(CWARN) -Iinclude benches/rows.c -L$(RELEASE_DIR) -ldocker_containers -lpthread \
	    -Wl,-rpath,$(CURDIR)/$(RELEASE_DIR) -o $@

# The library from C, a raw unix-socket floor, the docker CLI, docker-py and bollard, side by
# side (benches/run.py); README has the figures. BENCH_QUICK=1 for a short pass.
bench: $(BUILD)/bench-rows engine
	bash benches/setup.sh
	build/bench/venv/bin/python benches/run.py

# Cost per call that load does not move: callgrind instructions and strace syscalls per inspect
# call and per archive MiB, for the library and the raw floor (benches/cost.py).
bench-cost: $(BUILD)/bench-rows engine
	python3 benches/cost.py

# The release libraries as files: `make install` and the packages reuse a finished build, and
# cargo runs again only when a source, the manifest or the lock file is newer.
RELEASE_SO  := $(RELEASE_DIR)/libdocker_containers.so
RELEASE_A   := $(RELEASE_DIR)/libdocker_containers.a
RUST_INPUTS := $(shell find src -name '*.rs') Cargo.toml Cargo.lock build.rs

$(RELEASE_SO) $(RELEASE_A) &: $(RUST_INPUTS)
	$(CARGO) build --release
	$(call SONAME_LINK,$(RELEASE_DIR))
	@touch $(RELEASE_SO) $(RELEASE_A)

# Stripped copies for installing and packaging (build/dist/), with the shared library's debug
# info in a separate file that gdb finds through the .gnu_debuglink section: installed as
# lib/.debug/libdocker_containers.so.VERSION.debug, the directory gdb looks in beside the library.
# The static library loses its debug sections (programs linked with it carry none of ours).
DIST := $(BUILD)/dist
DIST_SO_DEBUG := libdocker_containers.so.$(VERSION).debug

$(DIST)/libdocker_containers.so $(DIST)/$(DIST_SO_DEBUG) &: $(RELEASE_SO)
	@mkdir -p $(DIST)
	objcopy --only-keep-debug --compress-debug-sections=zlib $(RELEASE_SO) $(DIST)/$(DIST_SO_DEBUG)
	strip --strip-unneeded -o $(DIST)/libdocker_containers.so.tmp $(RELEASE_SO)
	objcopy --add-gnu-debuglink=$(DIST)/$(DIST_SO_DEBUG) $(DIST)/libdocker_containers.so.tmp
	mv $(DIST)/libdocker_containers.so.tmp $(DIST)/libdocker_containers.so

$(DIST)/libdocker_containers.a: $(RELEASE_A)
	@mkdir -p $(DIST)
	strip --strip-debug -o $@.tmp $<
	mv $@.tmp $@

dist: $(DIST)/libdocker_containers.so $(DIST)/$(DIST_SO_DEBUG) $(DIST)/libdocker_containers.a

# make install PREFIX=/usr/local: the stripped shared library with its soname links and its
# debug file, the stripped static library, the headers, a pkg-config file (with a runtime path)
# and a CMake package (lib/cmake/docker_containers: find_package(docker_containers CONFIG)).
PREFIX  ?= /usr/local
CMAKE_PKG := $(DESTDIR)$(PREFIX)/lib/cmake/docker_containers

install: dist
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/lib/.debug $(DESTDIR)$(PREFIX)/include $(CMAKE_PKG)
	install -m 0755 $(DIST)/libdocker_containers.so $(DESTDIR)$(PREFIX)/lib/libdocker_containers.so.$(VERSION)
	install -m 0644 $(DIST)/$(DIST_SO_DEBUG) $(DESTDIR)$(PREFIX)/lib/.debug/$(DIST_SO_DEBUG)
	ln -sf libdocker_containers.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libdocker_containers.so.$(ABI)
	ln -sf libdocker_containers.so.$(ABI) $(DESTDIR)$(PREFIX)/lib/libdocker_containers.so
	install -m 0644 $(DIST)/libdocker_containers.a $(DESTDIR)$(PREFIX)/lib/libdocker_containers.a
	install -m 0644 $(HEADER) $(DESTDIR)$(PREFIX)/include/docker_containers.h
	install -m 0644 include/docker_containers.hpp $(DESTDIR)$(PREFIX)/include/docker_containers.hpp
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' docker_containers.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/docker_containers.pc
	sed -e 's|@VERSION@|$(VERSION)|g' -e 's|@ABI@|$(ABI)|g' cmake/docker_containersConfig.cmake.in > $(CMAKE_PKG)/docker_containersConfig.cmake
	sed -e 's|@VERSION@|$(VERSION)|g' cmake/docker_containersConfigVersion.cmake.in > $(CMAKE_PKG)/docker_containersConfigVersion.cmake

# Install into a scratch prefix and build the quickstart against it with nothing but pkg-config,
# once linked dynamically (found at run time through the .pc file's runtime path, no
# LD_LIBRARY_PATH) and once statically, and run both; then check the stripping: no debug
# sections in the installed libraries, and gdb reads the shared library's debug file by itself.
install-test: engine dist
	rm -rf $(BUILD)/prefix
	$(MAKE) install PREFIX=$(CURDIR)/$(BUILD)/prefix
	PKG_CONFIG_PATH=$(CURDIR)/$(BUILD)/prefix/lib/pkgconfig sh -c '\
	  $(CC) -std=c99 $(CWARN) examples-c/quickstart.c $$(pkg-config --cflags --libs docker_containers) \
	      -o $(BUILD)/quickstart-dynamic && \
	  $(CC) -std=c99 $(CWARN) examples-c/quickstart.c $$(pkg-config --cflags docker_containers) \
	      $(CURDIR)/$(BUILD)/prefix/lib/libdocker_containers.a $$(pkg-config --static --libs-only-l docker_containers | sed "s/-ldocker_containers//") \
	      -o $(BUILD)/quickstart-static'
	readelf -d $(BUILD)/quickstart-dynamic | grep -q 'libdocker_containers.so.$(ABI)'
	readelf -d $(BUILD)/quickstart-dynamic | grep -q 'R.*PATH.*$(CURDIR)/$(BUILD)/prefix/lib'
	! readelf -d $(BUILD)/quickstart-static | grep -q 'libdocker_containers'
	env -u LD_LIBRARY_PATH ./$(BUILD)/quickstart-dynamic > /dev/null
	./$(BUILD)/quickstart-static > /dev/null
	! readelf -S $(BUILD)/prefix/lib/libdocker_containers.so.$(VERSION) | grep -q '\.debug_info'
	! readelf -S $(BUILD)/prefix/lib/libdocker_containers.a 2>/dev/null | grep -q '\.debug_info'
	gdb -nx -batch -ex 'info line docker_client_ping' $(BUILD)/prefix/lib/libdocker_containers.so.$(VERSION) 2>&1 \
	  | grep -q 'src/ffi/client.rs' || { echo "gdb did not find the debug info of the installed library"; exit 1; }
	@echo "install-test: dynamic (soname libdocker_containers.so.$(ABI), rpath from pkg-config) and static builds run;" \
	  "installed: .so $$(stat -c %s $(BUILD)/prefix/lib/libdocker_containers.so.$(VERSION)) bytes," \
	  ".a $$(stat -c %s $(BUILD)/prefix/lib/libdocker_containers.a) bytes, debug file $$(stat -c %s $(BUILD)/prefix/lib/.debug/$(DIST_SO_DEBUG)) bytes (gdb reads it)"

clean:
	rm -rf $(BUILD)
	$(CARGO) clean
