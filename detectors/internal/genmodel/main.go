// Command genmodel trains the probe detector's built-in letter model from the
// wikitext pages under a directory and writes it in the model's binary
// format. The detectors package runs it with go generate:
//
//	go run ./internal/genmodel -tuning -out basemodel.bin
//
// The pages are the shared corpus' (internal/testcorpus: ../shared/corpus/wikitext
// beside the module root, or $WIKIWARDEN_SHARED/corpus/wikitext) and eight
// pages in German, Spanish, French and Polish from a git mirror of
// lintool/wikiclean at a pinned commit (testcorpus.WikicleanPages), read at
// run time and never copied into the repository; -corpus and -wikiclean read
// others.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"bufio"
	"io"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/internal/inject"
	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "genmodel:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fl := flag.NewFlagSet("genmodel", flag.ContinueOnError)
	corpus := fl.String("corpus", testcorpus.Path(testcorpus.WikitextDir), "directory of wikitext pages (*.txt, searched recursively)")
	out := fl.String("out", "", "model file to write")
	wikiclean := fl.String("wikiclean", testcorpus.MirrorDir(testcorpus.WikicleanRepo), "git directory of a mirror of github.com/"+testcorpus.WikicleanRepo+" whose German, Spanish, French and Polish fixtures are trained on too (\"\" for none)")
	tuning := fl.Bool("tuning", false, "train on the tuning half of the pages only (inject.Held), so the held-out half stays unseen")
	names := fl.String("names", "", "file of software names, one a line (\"-\" for stdin), to train the software-name model from instead of -corpus")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *names != "" {
		return trainNames(*names, *out)
	}
	if *corpus == "" || *out == "" {
		return fmt.Errorf("both -corpus and -out are required")
	}
	var pages []testcorpus.Page
	err := filepath.WalkDir(*corpus, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return nil
		}
		rel, err := filepath.Rel(*corpus, path)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pages = append(pages, testcorpus.Page{Name: filepath.ToSlash(rel), Text: string(b)})
		return nil
	})
	if err != nil {
		return fmt.Errorf("read corpus: %w", err)
	}
	if len(pages) == 0 {
		return fmt.Errorf("no *.txt pages under %s", *corpus)
	}
	if *wikiclean != "" {
		more, err := testcorpus.WikicleanPages(*wikiclean)
		if err != nil {
			return err
		}
		pages = testcorpus.MergePages(pages, more)
	}
	var texts []string
	for _, pg := range pages {
		if *tuning && inject.Held(pg.Name) {
			continue
		}
		texts = append(texts, pg.Text)
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

// trainNames learns the software-name letter model from package names, one a
// line: each run of letters of a name ("libgtkmm-3.0-dev": "libgtkmm", "dev")
// is a word.
func trainNames(path, out string) error {
	if out == "" {
		return fmt.Errorf("-out is required")
	}
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("read names: %w", err)
		}
		defer f.Close()
		r = f
	}
	seen := map[string]bool{}
	var words []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		for _, w := range strings.FieldsFunc(strings.ToLower(sc.Text()), func(r rune) bool { return r < 'a' || r > 'z' }) {
			if len(w) >= 2 && !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read names: %w", err)
	}
	if len(words) == 0 {
		return fmt.Errorf("no names in %s", path)
	}
	m := detectors.TrainAlone([]string{strings.Join(words, "\n")})
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Printf("genmodel: %d distinct name parts, %d bytes\n", len(words), len(b))
	return nil
}
