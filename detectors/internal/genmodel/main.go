// Command genmodel trains the probe detector's built-in letter model from the
// wikitext pages under a directory and writes it in the model's binary
// format. The detectors package runs it with go generate:
//
//	go run ./internal/genmodel -tuning -corpus ../testdata/corpus/wikitext -out basemodel.bin
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/internal/inject"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "genmodel:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fl := flag.NewFlagSet("genmodel", flag.ContinueOnError)
	corpus := fl.String("corpus", "", "directory of wikitext pages (*.txt, searched recursively)")
	out := fl.String("out", "", "model file to write")
	tuning := fl.Bool("tuning", false, "train on the tuning half of the pages only (inject.Held), so the held-out half stays unseen")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *corpus == "" || *out == "" {
		return fmt.Errorf("both -corpus and -out are required")
	}
	var texts []string
	err := filepath.WalkDir(*corpus, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return nil
		}
		if rel, err := filepath.Rel(*corpus, path); err == nil && *tuning && inject.Held(rel) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		texts = append(texts, string(b))
		return nil
	})
	if err != nil {
		return fmt.Errorf("read corpus: %w", err)
	}
	if len(texts) == 0 {
		return fmt.Errorf("no *.txt pages under %s", *corpus)
	}
	m := detectors.TrainAlone(texts)
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Printf("genmodel: %d pages, %d words, %d bytes\n", len(texts), m.Words(), len(b))
	return nil
}
