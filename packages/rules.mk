# Packages (included by the top Makefile): each binding built the way its ecosystem installs
# native code, carrying the stripped library of build/dist (make dist), into build/packages/:
#   make packages      python/  the platform wheel (py3-none-manylinux_X_Y_x86_64, hatchling)
#                      ruby/    the plain gem and the x86_64-linux platform gem
#                      node/    the main npm tarball and docker-containers-linux-x64-gnu
#                      go/module/  bindings/go with the header and lib/linux_amd64/libdocker_containers.a
#                      c/       the C/C++ install tree (make install into it)
#   make package-test  each installed into a clean environment (a fresh venv, a temporary npm
#                      project, a fresh GEM_HOME, a copy of the Go module, plus install-test and
#                      cmake-test for C and C++), running the quickstart flow (packages/flows/)
#                      against the real engine with no DOCKER_CONTAINERS_LIB, LD_LIBRARY_PATH,
#                      CGO_*, PKG_CONFIG_PATH, RUBYLIB, PYTHONPATH or NODE_PATH. Containers: dcpkg-*.
# Nothing here is committed: build/ is ignored.

PKG        := $(BUILD)/packages
PKG_ABS    := $(CURDIR)/$(PKG)
PKG_STAGE  := $(PKG)/stage
PKG_TEST   := $(PKG)/test
PKG_SO      = $(DIST)/libdocker_containers.so
PKG_A       = $(DIST)/libdocker_containers.a
# The soname the bindings load, from the ABI description (as their generated tables have it).
PKG_SONAME := $(shell python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["soname"])' $(API_JSON) 2>/dev/null)
# A clean environment: none of the variables that could point a program at this checkout.
PKG_CLEAN_ENV := env -u DOCKER_CONTAINERS_LIB -u LD_LIBRARY_PATH -u LD_PRELOAD -u PYTHONPATH -u RUBYLIB \
                 -u RUBYOPT -u GEM_PATH -u NODE_PATH -u CGO_CFLAGS -u CGO_LDFLAGS -u PKG_CONFIG_PATH
PKG_GO_ENV := GOFLAGS=-mod=mod GOTOOLCHAIN=local GOPROXY=off CGO_ENABLED=1 GOCACHE=$(CURDIR)/$(BUILD)/go-cache

.PHONY: packages package-test packages-python packages-ruby packages-node packages-go packages-c
.PHONY: package-test-python package-test-ruby package-test-node package-test-go

packages: packages-python packages-ruby packages-node packages-go packages-c
	@echo "packages: in $(PKG)/ (sizes in bytes):"
	@cd $(PKG) && stat -c '  %n %s' python/*.whl ruby/*.gem node/*.tgz go/module/lib/linux_amd64/libdocker_containers.a \
	    c/lib/libdocker_containers.so.$(VERSION) c/lib/libdocker_containers.a

# The wheel: hatchling (bindings/python/hatch_build.py) with the library and the manylinux tag
# its GLIBC symbol versions allow (scripts/packages/glibc_tag.py).
packages-python: dist
	@[ -n "$(PKG_SONAME)" ] || { echo "packages: no soname in $(API_JSON)"; exit 1; }
	rm -rf $(PKG)/python && mkdir -p $(PKG)/python
	DC_NATIVE_LIB=$(CURDIR)/$(PKG_SO) DC_WHEEL_PLATFORM=$$(python3 scripts/packages/glibc_tag.py $(PKG_SO)) \
	    python3 -m build --wheel --no-isolation --outdir $(PKG)/python bindings/python > $(PKG)/python.log 2>&1 \
	    || { cat $(PKG)/python.log; exit 1; }
	@ls $(PKG)/python/*.whl

# The gems, from a staging copy of bindings/ruby (the gem's files and nothing else): the plain
# gem, then the platform gem with the library in lib/docker_containers/libs/.
packages-ruby: dist
	rm -rf $(PKG)/ruby $(PKG_STAGE)/ruby && mkdir -p $(PKG)/ruby $(PKG_STAGE)
	cp -r bindings/ruby $(PKG_STAGE)/ruby
	rm -rf $(PKG_STAGE)/ruby/test $(PKG_STAGE)/ruby/lib/docker_containers/libs
	cd $(PKG_STAGE)/ruby && gem build --quiet docker_containers.gemspec -o $(PKG_ABS)/ruby/docker_containers-$(VERSION).gem
	mkdir -p $(PKG_STAGE)/ruby/lib/docker_containers/libs
	install -m 0755 $(PKG_SO) $(PKG_STAGE)/ruby/lib/docker_containers/libs/$(PKG_SONAME)
	cd $(PKG_STAGE)/ruby && DC_GEM_PLATFORM=x86_64-linux gem build --quiet docker_containers.gemspec \
	    -o $(PKG_ABS)/ruby/docker_containers-$(VERSION)-x86_64-linux.gem
	@ls $(PKG)/ruby/*.gem

# The npm tarballs: a staging copy of the main package gets its optionalDependency on the
# platform package, which scripts/packages/npm_packages.js writes beside it with the library.
packages-node: dist
	rm -rf $(PKG)/node $(PKG_STAGE)/node && mkdir -p $(PKG)/node $(PKG_STAGE)/node/main
	cp -r bindings/node/package.json bindings/node/README.md bindings/node/lib $(PKG_STAGE)/node/main/
	node scripts/packages/npm_packages.js $(PKG_STAGE)/node/main $(PKG_STAGE)/node/platform $(PKG_SO)
	cd $(PKG_STAGE)/node/main && npm pack --silent --pack-destination $(PKG_ABS)/node > /dev/null
	cd $(PKG_STAGE)/node/platform && npm pack --silent --pack-destination $(PKG_ABS)/node > /dev/null
	@ls $(PKG)/node/*.tgz

# The Go module as it would be published: bindings/go without link_tree.go (which points into
# this checkout) and its test helpers' list, with packaging/link_module.go.in as link_module.go,
# the header beside it and the stripped static library in lib/linux_amd64/.
packages-go: dist
	rm -rf $(PKG)/go && mkdir -p $(PKG)/go
	cp -r bindings/go $(PKG)/go/module
	rm -rf $(PKG)/go/module/link_tree.go $(PKG)/go/module/packaging $(PKG)/go/module/rules.mk
	cp bindings/go/packaging/link_module.go.in $(PKG)/go/module/link_module.go
	cp $(HEADER) $(PKG)/go/module/docker_containers.h
	mkdir -p $(PKG)/go/module/lib/linux_amd64
	cp $(PKG_A) $(PKG)/go/module/lib/linux_amd64/libdocker_containers.a
	@echo "$(PKG)/go/module"

packages-c: dist
	rm -rf $(PKG)/c
	$(MAKE) --no-print-directory install PREFIX=$(PKG_ABS)/c > /dev/null
	@echo "$(PKG)/c"

# Every package test also checks that what got installed is build/dist's stripped library, byte
# for byte (cmp).
package-test: package-test-python package-test-ruby package-test-node package-test-go install-test cmake-test
	@left=$$(docker ps -aq --filter name=dcpkg-); [ -z "$$left" ] || { echo "package-test: dcpkg- containers left: $$left"; exit 1; }
	@echo "package-test: the wheel, the platform gem, the npm packages and the Go module each installed" \
	  "in a clean environment and ran the quickstart flow; C and C++ by install-test and cmake-test; no dcpkg- containers left"

# A fresh venv, the wheel installed with no index, the flow run isolated (-I) from outside the
# checkout. auditwheel agrees with the wheel's platform tag.
package-test-python: packages-python engine
	@whl=$$(ls $(PKG)/python/*.whl); tag=$$(python3 scripts/packages/glibc_tag.py $(PKG_SO)); \
	case "$$whl" in *-py3-none-$$tag.whl) ;; *) echo "package-test: $$whl is not tagged py3-none-$$tag"; exit 1;; esac; \
	python3 -m zipfile -l "$$whl" | grep -q "^docker_containers/libs/$(PKG_SONAME) " || { echo "package-test: no library in $$whl"; exit 1; }; \
	python3 -m auditwheel show "$$whl" > $(PKG)/auditwheel.log 2>&1 || { cat $(PKG)/auditwheel.log; exit 1; }; \
	grep -q "consistent with the following platform tag: \"$$tag\"" $(PKG)/auditwheel.log \
	  || { cat $(PKG)/auditwheel.log; echo "package-test: auditwheel disagrees with $$tag"; exit 1; }; \
	echo "package-test: auditwheel: $$(basename $$whl) is consistent with $$tag"
	rm -rf $(PKG_TEST)/python && mkdir -p $(PKG_TEST)/python
	python3 -m venv $(PKG_TEST)/python/venv
	$(PKG_CLEAN_ENV) $(PKG_TEST)/python/venv/bin/python -m pip install -q --no-index --no-deps $(PKG)/python/*.whl
	cmp $(PKG_SO) $$(ls $(PKG_TEST)/python/venv/lib/python3*/site-packages/docker_containers/libs/$(PKG_SONAME))
	cp packages/flows/flow.py $(PKG_TEST)/python/
	cd $(PKG_TEST)/python && $(PKG_CLEAN_ENV) venv/bin/python -I flow.py

# A fresh GEM_HOME, the platform gem installed from the file (--local: its ffi dependency is the
# system's), the flow run by a ruby with nothing of this checkout on its load path.
package-test-ruby: packages-ruby engine
	@gem spec $(PKG)/ruby/docker_containers-$(VERSION).gem version | grep -q "version: $(VERSION)$$" \
	  || { echo "package-test: the gem's version is not $(VERSION)"; exit 1; }
	@! tar -xOf $(PKG)/ruby/docker_containers-$(VERSION).gem data.tar.gz | tar -tz | grep -q '\.so' \
	  || { echo "package-test: the plain gem carries a library"; exit 1; }
	@tar -xOf $(PKG)/ruby/docker_containers-$(VERSION)-x86_64-linux.gem data.tar.gz | tar -tz \
	  | grep -qx "lib/docker_containers/libs/$(PKG_SONAME)" || { echo "package-test: the platform gem has no library"; exit 1; }
	rm -rf $(PKG_TEST)/ruby && mkdir -p $(PKG_TEST)/ruby
	$(PKG_CLEAN_ENV) GEM_HOME=$(PKG_ABS)/test/ruby/gems gem install --local --no-document --quiet \
	    $(PKG)/ruby/docker_containers-$(VERSION)-x86_64-linux.gem
	cmp $(PKG_SO) $(PKG_TEST)/ruby/gems/gems/docker_containers-$(VERSION)-x86_64-linux/lib/docker_containers/libs/$(PKG_SONAME)
	cp packages/flows/flow.rb $(PKG_TEST)/ruby/
	cd $(PKG_TEST)/ruby && $(PKG_CLEAN_ENV) GEM_HOME=$(PKG_ABS)/test/ruby/gems ruby flow.rb

# A temporary npm project with the two tarballs installed (koffi from the npm cache or registry).
package-test-node: packages-node engine
	@tar -xOzf $(PKG)/node/docker-containers-$(VERSION).tgz package/package.json \
	  | node -e 'const p = JSON.parse(require("fs").readFileSync(0)); process.exit((p.optionalDependencies || {})["docker-containers-linux-x64-gnu"] === p.version ? 0 : 1)' \
	  || { echo "package-test: the main npm package has no optionalDependency on the platform package"; exit 1; }
	@! tar -tzf $(PKG)/node/docker-containers-$(VERSION).tgz | grep -q '\.so' || { echo "package-test: the main npm package carries a library"; exit 1; }
	rm -rf $(PKG_TEST)/node && mkdir -p $(PKG_TEST)/node
	cd $(PKG_TEST)/node && printf '{ "name": "dcpkg-node-test", "private": true, "type": "module" }\n' > package.json && \
	  $(PKG_CLEAN_ENV) npm install --silent --no-audit --no-fund --prefer-offline \
	    $(PKG_ABS)/node/docker-containers-$(VERSION).tgz $(PKG_ABS)/node/docker-containers-linux-x64-gnu-$(VERSION).tgz
	cmp $(PKG_SO) $(PKG_TEST)/node/node_modules/docker-containers-linux-x64-gnu/$(PKG_SONAME)
	cp packages/flows/flow.mjs $(PKG_TEST)/node/
	cd $(PKG_TEST)/node && $(PKG_CLEAN_ENV) node flow.mjs

# A copy of the packaged module, used by a new module through a replace directive: the binary
# links the static library (no libdocker_containers, no runtime path) and runs. Then the same
# copy with -tags docker_containers_pkgconfig against the install tree: linked to the shared
# library with the .pc file's runtime path, and runs without LD_LIBRARY_PATH.
package-test-go: packages-go packages-c engine
	rm -rf $(PKG_TEST)/go && mkdir -p $(PKG_TEST)/go/app
	cp -r $(PKG)/go/module $(PKG_TEST)/go/module
	cmp $(PKG_A) $(PKG_TEST)/go/module/lib/linux_amd64/libdocker_containers.a
	cp packages/flows/go/main.go $(PKG_TEST)/go/app/
	cd $(PKG_TEST)/go/app && $(GO) mod init example.com/dcpkgflow > /dev/null 2>&1 && \
	  $(GO) mod edit -require=github.com/docker-containers/docker_containers/bindings/go@v0.0.0 \
	    -replace=github.com/docker-containers/docker_containers/bindings/go=$(PKG_ABS)/test/go/module
	cd $(PKG_TEST)/go/app && $(PKG_CLEAN_ENV) $(PKG_GO_ENV) $(GO) build -o flow-static .
	! readelf -d $(PKG_TEST)/go/app/flow-static | grep -q 'libdocker_containers\|RPATH\|RUNPATH' \
	  || { readelf -d $(PKG_TEST)/go/app/flow-static; echo "package-test: the Go binary is not self-contained"; exit 1; }
	$(PKG_CLEAN_ENV) $(PKG_TEST)/go/app/flow-static
	cd $(PKG_TEST)/go/app && $(PKG_CLEAN_ENV) PKG_CONFIG_PATH=$(PKG_ABS)/c/lib/pkgconfig $(PKG_GO_ENV) \
	    $(GO) build -tags docker_containers_pkgconfig -o flow-pkgconfig .
	readelf -d $(PKG_TEST)/go/app/flow-pkgconfig | grep -q 'NEEDED.*libdocker_containers.so.$(ABI)'
	readelf -d $(PKG_TEST)/go/app/flow-pkgconfig | grep -q 'R.*PATH.*$(PKG_ABS)/c/lib'
	$(PKG_CLEAN_ENV) $(PKG_TEST)/go/app/flow-pkgconfig
	@echo "package-test: Go: static binary $$(stat -c %s $(PKG_TEST)/go/app/flow-static) bytes, no libdocker_containers needed; pkg-config build runs through its runtime path"
