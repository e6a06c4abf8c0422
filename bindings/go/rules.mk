# The Go binding's tests (included by the top Makefile): go vet, go test against the real engine
# and the library in target/release, then the quickstart example built and run. No network:
# the package has no third-party modules (GOPROXY=off makes sure). internal/apicheck checks that
# every function of the ABI description is called through cgo or listed in unwrapped.txt. The tests where goroutines
# meet (a shared client, Close during Read, context watchers) run again under the race detector.
GO ?= go
GO_DIR := bindings/go
GO_ENV := GOFLAGS=-mod=mod GOTOOLCHAIN=local GOPROXY=off CGO_ENABLED=1 GOCACHE=$(CURDIR)/$(BUILD)/go-cache

.PHONY: go-test
go-test: release engine check-api
	@command -v $(GO) >/dev/null || { echo "go-test: no Go toolchain: run scripts/install-deps.sh"; exit 1; }
	@mkdir -p $(BUILD)/go
	cd $(GO_DIR) && $(GO_ENV) $(GO) vet ./...
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -count=1 -v ./... 2>&1 | tee $(CURDIR)/$(BUILD)/go/test.log | grep -E '^(--- |FAIL|ok|PASS)|RSS|cleanup' ; test $${PIPESTATUS[0]} -eq 0
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -race -count=1 -run 'Concurrent|EarlyClose|FollowCanceled|WaitCancel|RunCanceled|Attach|ExecRun|DeadlineShortCall|WaitForAndEvents|ImagesPull|CopyProgress' ./...
	cd $(GO_DIR) && $(GO_ENV) $(GO) build -o $(CURDIR)/$(BUILD)/go/quickstart ./examples/quickstart
	./$(BUILD)/go/quickstart
	@left=$$(docker ps -a --format '{{.Names}}' | grep -E '^(dcgo|dcopt)-' || true); \
	if [ -n "$$left" ]; then echo "go-test: containers left behind: $$left"; exit 1; fi
	@echo "go-test: passed"

BINDING_TESTS += go-test
