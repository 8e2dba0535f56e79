package main

// Issue reports of projects in other programming languages, held out whole
// since session 11 (measured before any change made for them): the GitHub
// issues and pull requests of Multi-SWE-bench (ByteDance, "licensed under
// CC0 ... adapted from the listed open source projects"): bug reports and
// feature requests of C, C++, Go, Java, JavaScript, Rust and TypeScript
// projects (zstd, jq, fmt, nlohmann/json, simdjson, Catch2, grpc-go,
// go-zero, fastjson2, jackson, gson, jib, mockito, dayjs, axios, express,
// ripgrep, bat, fd, tokio, tracing, ...), with their pasted compiler
// output, stack traces and version lines, as
// kuppireddypravalika/MSWE-validation-dataset@f3788671b1be72292be1b3dfc61063f97dd474a0
// stores them in MSWE-agent/data (the dataset's JSON lines; a file the
// mirror lacks, its largest, or holds as a Git LFS pointer is skipped:
// 861 records from /work/.mirror's copy). Every issue (title and body)
// and every pull request's own text is one record, each once. Never
// committed.
// Set "multiswe/held"; -multiswe "" skips it.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os/exec"
	"sort"
	"strconv"
	"strings"
)

var multisweMirror string

const multisweCommit = "f3788671b1be72292be1b3dfc61063f97dd474a0"

// multisweItems returns Multi-SWE-bench's issues and pull requests (set
// "multiswe/held").
func multisweItems(mirror string) ([]item, error) {
	out, err := exec.Command("git", "--git-dir="+mirror, "ls-tree", "-r", "--name-only", multisweCommit, "MSWE-agent/data").Output()
	if err != nil {
		return nil, err
	}
	var files []string
	for _, f := range strings.Split(string(out), "\n") {
		if strings.HasSuffix(f, ".jsonl") {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	seen := map[string]bool{}
	var items []item
	add := func(id, title, body string) {
		if seen[id] || strings.TrimSpace(body) == "" {
			return
		}
		seen[id] = true
		items = append(items, post("multiswe/held", id, strings.TrimSpace(title), body))
	}
	for _, f := range files {
		b, err := gitShow(mirror, multisweCommit, f)
		if err != nil {
			continue // a file the mirror does not hold
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(make([]byte, 1<<20), 1<<27)
		for sc.Scan() {
			var in struct {
				Org, Repo   string
				Number      int
				Title, Body string
				Resolved    []struct {
					Number      int
					Title, Body string
				} `json:"resolved_issues"`
			}
			if json.Unmarshal(sc.Bytes(), &in) != nil || in.Org == "" {
				continue // an LFS pointer's lines
			}
			name := "mswe:" + in.Org + "/" + in.Repo
			for _, is := range in.Resolved {
				add(name+"#"+strconv.Itoa(is.Number), is.Title, is.Body)
			}
			add(name+"/pull/"+strconv.Itoa(in.Number), in.Title, in.Body)
		}
	}
	return items, nil
}
