//go:build probetrace

package main

import "github.com/wikiwarden/wikiwarden/detectors"

func init() { traceFn = detectors.ProbeTrace }
