# wikiwarden: make demo (throwaway wiki + botnet campaign + bot), make test.
GO ?= go

.PHONY: build test demo bench bench-wiki vet

build:
	$(GO) build -o wikiwarden ./cmd/wikiwarden

vet:
	$(GO) vet ./...

# All tests, with the race detector; the end-to-end ones start throwaway
# MediaWikis (scripts/testwiki.sh installs MediaWiki when it is missing).
test:
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 40m ./...

demo:
	bash scripts/demo.sh

# The store's 1M-IP lookups build their store first (20-45 s); housekeeping
# of 1M expired records runs once (-benchtime=1x), after a similar setup.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./detectors/
	$(GO) test -run '^$$' -bench 'Commit|IPEvents' -benchmem ./store/
	$(GO) test -run '^$$' -bench 'Expire1M' -benchtime=1x -benchmem ./store/

# Patrol throughput on a real throwaway wiki (builds a 1,000-edit backlog
# first: a few minutes).
bench-wiki:
	$(GO) test -run '^$$' -bench PatrolBacklog -benchtime=1x ./bot/
