# docker_containers: the entry point for C users and for CI.
#   make            build the library (release) and the header
#   make quickstart build, start a local engine when none answers, run examples-c/quickstart.c
#   make test       every test: Rust unit and engine tests, header checks, C tests under valgrind
#   make header     regenerate include/docker_containers.h (cbindgen 0.29.0)
#   make options    regenerate api/options.json and what is generated from it, then the header
#   make bench      benchmarks (benches/)

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

.PHONY: install install-test
.PHONY: options check-options
.PHONY: all release debug header check-header check-symbols engine quickstart test rust-test remote-up remote-test c-test bench clean
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

# Each binding (bindings/LANG/rules.mk) adds its test target to BINDING_TESTS.
BINDING_TESTS :=
include $(sort $(wildcard bindings/*/rules.mk))

test: check-options check-header check-symbols rust-test c-test install-test podman-test $(BINDING_TESTS)
	@echo "all tests passed"

# Podman's Docker-compatible service as a second engine (scripts/podman-up.sh; README, "Podman").
PODMAN_HOST ?= unix:///run/dc-podman/podman.sock
export DC_PODMAN_HOST := $(PODMAN_HOST)
PODMAN_TESTS := --test ffi_client --test containers --test containers_more --test streams --test files

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

# make install PREFIX=/usr/local: the shared library with its soname links, the static library,
# the header and a pkg-config file.
PREFIX  ?= /usr/local

install: release
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 0755 $(RELEASE_DIR)/libdocker_containers.so $(DESTDIR)$(PREFIX)/lib/libdocker_containers.so.$(VERSION)
	ln -sf libdocker_containers.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libdocker_containers.so.$(ABI)
	ln -sf libdocker_containers.so.$(ABI) $(DESTDIR)$(PREFIX)/lib/libdocker_containers.so
	install -m 0644 $(RELEASE_DIR)/libdocker_containers.a $(DESTDIR)$(PREFIX)/lib/libdocker_containers.a
	install -m 0644 $(HEADER) $(DESTDIR)$(PREFIX)/include/docker_containers.h
	install -m 0644 include/docker_containers.hpp $(DESTDIR)$(PREFIX)/include/docker_containers.hpp
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' docker_containers.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/docker_containers.pc

# Install into a scratch prefix and build the quickstart against it with nothing but pkg-config,
# once linked dynamically and once statically, and run both.
install-test: engine
	rm -rf $(BUILD)/prefix
	$(MAKE) install PREFIX=$(CURDIR)/$(BUILD)/prefix
	PKG_CONFIG_PATH=$(CURDIR)/$(BUILD)/prefix/lib/pkgconfig sh -c '\
	  $(CC) -std=c99 $(CWARN) examples-c/quickstart.c $$(pkg-config --cflags --libs docker_containers) \
	      -Wl,-rpath,$(CURDIR)/$(BUILD)/prefix/lib -o $(BUILD)/quickstart-dynamic && \
	  $(CC) -std=c99 $(CWARN) examples-c/quickstart.c $$(pkg-config --cflags docker_containers) \
	      $(CURDIR)/$(BUILD)/prefix/lib/libdocker_containers.a $$(pkg-config --static --libs-only-l docker_containers | sed "s/-ldocker_containers//") \
	      -o $(BUILD)/quickstart-static'
	readelf -d $(BUILD)/quickstart-dynamic | grep -q 'libdocker_containers.so.$(ABI)'
	! readelf -d $(BUILD)/quickstart-static | grep -q 'libdocker_containers'
	./$(BUILD)/quickstart-dynamic > /dev/null
	./$(BUILD)/quickstart-static > /dev/null
	@echo "install-test: dynamic (soname libdocker_containers.so.$(ABI)) and static builds run"

clean:
	rm -rf $(BUILD)
	$(CARGO) clean
