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

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./detectors/ ./store/

# Patrol throughput on a real throwaway wiki (builds a 1,000-edit backlog
# first: a few minutes).
bench-wiki:
	$(GO) test -run '^$$' -bench PatrolBacklog -benchtime=1x ./bot/
