# The Node binding's tests (bindings/node): `make node-test` builds the library, starts the
# engine when needed, installs the locked npm dependencies when node_modules is missing, then
# runs node's test runner (with --expose-gc for the memory test) against target/release.
# The quickstart example runs as one of the tests (test/example.test.js).

NODE_DIR := bindings/node

.PHONY: node-test
node-test: release engine
	$(call CHECK_API_TABLE,node)
	@command -v node >/dev/null || { echo "node-test: node is not installed (bash scripts/install-deps.sh)"; exit 1; }
	cd $(NODE_DIR) && { [ -d node_modules/koffi ] && [ -d node_modules/typescript ] || npm ci --no-audit --no-fund; }
	cd $(NODE_DIR) && DOCKER_CONTAINERS_LIB=$(CURDIR)/$(RELEASE_DIR)/libdocker_containers.so \
	    node --expose-gc --test test/*.test.js

BINDING_TESTS += node-test

# The TypeScript declarations (lib/index.d.ts, with lib/option-types.d.ts generated from the
# option table): `tsc --strict` must accept the typed usage file and the quickstart example
# (checked as JavaScript), and must reject test/types/misspelled.ts, naming each of its eight
# misspelled option keys. typescript and @types/node are locked devDependencies.
NODE_TSC := npx --no-install tsc --strict --noEmit --module nodenext --moduleResolution nodenext \
            --target es2022 --types node
NODE_MISSPELLED := timout enviroment timeuot tial workingDir drivr aliass onProgres

.PHONY: node-types
node-types:
	@command -v node >/dev/null || { echo "node-types: node is not installed (bash scripts/install-deps.sh)"; exit 1; }
	cd $(NODE_DIR) && { [ -d node_modules/typescript ] && [ -d node_modules/koffi ] || npm ci --no-audit --no-fund; }
	cd $(NODE_DIR) && $(NODE_TSC) test/types/usage.ts
	cd $(NODE_DIR) && $(NODE_TSC) --allowJs --checkJs examples/quickstart.mjs
	@cd $(NODE_DIR) && if out=$$($(NODE_TSC) test/types/misspelled.ts 2>&1); then \
	  echo "node-types: test/types/misspelled.ts compiled, but its misspelled options must not"; exit 1; fi; \
	for k in $(NODE_MISSPELLED); do grep -q "'$$k' does not exist" <<<"$$out" || \
	  { echo "node-types: tsc did not reject the misspelled option $$k:"; echo "$$out"; exit 1; }; done
	@echo "node-types: usage and example compile under tsc --strict; $(words $(NODE_MISSPELLED)) misspelled options rejected"

BINDING_TESTS += node-types
