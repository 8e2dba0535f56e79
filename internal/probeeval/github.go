package main

// Issue reports and pull requests, the technical text a forum's newcomers
// write most like: the bodies of real GitHub issues and pull requests,
// read from mirrors at run time and never committed.
//
//   - tune: every issue and pull request of huggingface/datasets up to
//     February 2025 (7,258, of which 4,239 pull requests, with their
//     templates, checklists and pasted tracebacks), as
//     kardwalker/Creating-dataset@234ec472adb81e978c55ff7b5e74c90112eabf41
//     stores them in datasets-issues.zip (datasets-issues.jsonl, the GitHub
//     REST API's issue objects). The repository is GPL-3.0; the texts are
//     their GitHub authors'.
//   - held: the issues of SWE-bench Lite (princeton-nlp, MIT): 323 bug
//     reports of 18 other Python projects (django's from its Trac, the rest
//     from GitHub) and, as separate records, the discussion that followed
//     each (hints_text), as
//     ivan4722/csvtransfer@9039a5db8b617ae6cf2c63bc08c295958c8a4968 stores
//     them in swe-bench-lite.json (test split) and swe_bench_lite_dev.csv
//     (dev split).
//
// The split is by source: no project is on both sides.

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strings"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// Where the mirrors are (flags) and the commits the figures are from.
var (
	issuesMirror   string
	swebenchMirror string
)

const (
	issuesCommit   = "234ec472adb81e978c55ff7b5e74c90112eabf41"
	swebenchCommit = "9039a5db8b617ae6cf2c63bc08c295958c8a4968"
)

// gitShow returns a file of a bare mirror at commit.
func gitShow(mirror, commit, path string) ([]byte, error) {
	b, err := exec.Command("git", "--git-dir="+mirror, "show", commit+":"+path).Output()
	if err != nil {
		return nil, fmt.Errorf("read %s:%s from %s (fetch the mirror or pass \"\" to skip): %w", commit[:7], path, mirror, err)
	}
	return b, nil
}

// post makes an item of a forum post: an anonymous newcomer's whole text.
func post(set, id, title, body string) item {
	return item{set: set, id: id, hi: len(body),
		edit: detectors.Edit{Anon: true, Title: title, New: body, Format: detectors.FormatMarkdown, Lang: "en"}}
}

// issueItems returns the issues and pull requests of huggingface/datasets
// (set "github/tune").
func issueItems(mirror string) ([]item, error) {
	b, err := gitShow(mirror, issuesCommit, "datasets-issues.zip")
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("open datasets-issues.zip: %w", err)
	}
	var items []item
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".jsonl") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(rc)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var is struct {
				HTMLURL string `json:"html_url"`
				Title   string `json:"title"`
				Body    string `json:"body"`
			}
			if err := json.Unmarshal(sc.Bytes(), &is); err != nil {
				continue
			}
			if strings.TrimSpace(is.Body) == "" || is.Body == "None" {
				continue
			}
			id := "gh:" + strings.TrimPrefix(is.HTMLURL, "https://github.com/")
			items = append(items, post("github/tune", id, is.Title, is.Body))
		}
		rc.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("read %s: %w", f.Name, err)
		}
	}
	return items, nil
}

// swebenchItems returns SWE-bench Lite's issues and their discussions (set
// "github/held").
func swebenchItems(mirror string) ([]item, error) {
	type instance struct {
		Repo             string `json:"repo"`
		InstanceID       string `json:"instance_id"`
		ProblemStatement string `json:"problem_statement"`
		HintsText        string `json:"hints_text"`
	}
	var all []instance
	b, err := gitShow(mirror, swebenchCommit, "swe-bench-lite.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, fmt.Errorf("parse swe-bench-lite.json: %w", err)
	}
	b, err = gitShow(mirror, swebenchCommit, "swe_bench_lite_dev.csv")
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("parse swe_bench_lite_dev.csv: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse swe_bench_lite_dev.csv: %w", err)
		}
		all = append(all, instance{Repo: rec[col["repo"]], InstanceID: rec[col["instance_id"]],
			ProblemStatement: rec[col["problem_statement"]], HintsText: rec[col["hints_text"]]})
	}
	var items []item
	for _, in := range all {
		// The first line of a problem statement is its issue's title.
		title, _, _ := strings.Cut(in.ProblemStatement, "\n")
		items = append(items, post("github/held", "swe:"+in.InstanceID, strings.TrimSpace(title), in.ProblemStatement))
		if strings.TrimSpace(in.HintsText) != "" {
			items = append(items, post("github/held", "swe:"+in.InstanceID+"#hints", strings.TrimSpace(title), in.HintsText))
		}
	}
	return items, nil
}
