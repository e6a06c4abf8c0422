# The Python binding's tests (bindings/python): pytest against the real engine with the
# library from target/release, then the quickstart example (also run by test_example.py).

PY_DIR := bindings/python

.PHONY: python-test
python-test: release engine
	$(call CHECK_API_TABLE,python)
	cd $(PY_DIR) && DOCKER_CONTAINERS_LIB=$(CURDIR)/$(RELEASE_DIR)/libdocker_containers.so \
	    python3 -m pytest -q -p no:cacheprovider tests
	@left=$$(docker ps -aq --filter name=dcpy-); [ -z "$$left" ] || { echo "python-test: dcpy- containers left: $$left"; exit 1; }
	@left=$$(docker ps -aq --filter name=dcpya-); [ -z "$$left" ] || { echo "python-test: dcpya- containers left: $$left"; exit 1; }
	@left=$$( { docker network ls --format '{{.Name}}'; docker volume ls --format '{{.Name}}'; \
	    docker image ls --format '{{.Repository}}:{{.Tag}}'; } | grep '^dcpyi-\|/dcpyi-' || true); \
	  [ -z "$$left" ] || { echo "python-test: dcpyi- networks, volumes or images left: $$left"; exit 1; }
	@echo "python-test: passed, no dcpy- containers and no dcpyi- networks, volumes or images left"

BINDING_TESTS += python-test

# The type stubs (docker_containers/*.pyi, py.typed; _options.py is generated from the option
# table): mypy's stubtest finds them consistent with the imported package; `mypy --strict` must
# pass on the example and tests/types/usage.py, and must reject tests/types/misspelled.py with
# each misspelled keyword reported (mypy from PyPI: scripts/deps.d/mypy.sh).
PY_MISSPELLED := '"timout"' '"enviroment"' '"mem_limt"' '"follow_links"' 'No overload variant of "run"'
PY_MYPY := python3 -m mypy --strict --cache-dir $(CURDIR)/$(BUILD)/mypy-cache

.PHONY: python-types
python-types: release
	@python3 -m mypy --version >/dev/null 2>&1 || { echo "python-types: no mypy: run scripts/install-deps.sh"; exit 1; }
	@mkdir -p $(BUILD)/mypy-cache
	cd $(BUILD)/mypy-cache && MYPYPATH=$(CURDIR)/$(PY_DIR) PYTHONPATH=$(CURDIR)/$(PY_DIR) \
	    DOCKER_CONTAINERS_LIB=$(CURDIR)/$(RELEASE_DIR)/libdocker_containers.so \
	    python3 -m mypy.stubtest docker_containers --allowlist $(CURDIR)/$(PY_DIR)/tests/types/stubtest-allowlist.txt
	cd $(PY_DIR) && $(PY_MYPY) examples/quickstart.py tests/types/usage.py tests/types/api_usage.py
	@cd $(PY_DIR) && if out=$$($(PY_MYPY) tests/types/misspelled.py 2>&1); then \
	  echo "python-types: tests/types/misspelled.py passed mypy, but its misspelled keywords must not"; exit 1; fi; \
	for k in $(PY_MISSPELLED); do grep -qF -- "$$k" <<<"$$out" || \
	  { echo "python-types: mypy did not report $$k:"; echo "$$out"; exit 1; }; done
	@echo "python-types: stubs match the package; example and usage pass mypy --strict; 5 misspelled keywords rejected"

BINDING_TESTS += python-types
