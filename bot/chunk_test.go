package bot

import (
	"testing"

	"github.com/wikiwarden/wikiwarden/decision"
)

// TestChunkBounds checks that a backlog is read one request a chunk: each
// chunk's versions after and before, counted once and leaving out the
// chunk before's, fill a batch.
func TestChunkBounds(t *testing.T) {
	// 300 edits taking turns on 3 pages: each edit's version before is the
	// page's previous edit, 3 edits back; the first three pages' versions
	// before are older revisions. One edit in 10 is skipped (a trusted
	// editor): neither it nor its version before is read.
	const n = 300
	var changes []Contribution
	skips := make([]decision.Reason, n)
	latest := map[int]int64{0: 1, 1: 2, 2: 3}
	for i := range n {
		id := int64(10 + i)
		changes = append(changes, Contribution{ID: id, ParentID: latest[i%3]})
		latest[i%3] = id
		if i%10 == 9 {
			skips[i] = decision.SkipTrusted
		}
	}
	bounds := chunkBounds(changes, skips, chunkIDs)
	total := 0
	var prev map[int64]bool
	for k, b := range bounds {
		ids := map[int64]bool{}
		for i := b[0]; i < b[1]; i++ {
			if skips[i] != "" {
				continue
			}
			ids[changes[i].ID] = true
			if p := changes[i].ParentID; !prev[p] {
				ids[p] = true
			}
		}
		if len(ids) > chunkIDs || b[1]-b[0] > chunkSize {
			t.Errorf("chunk %d %v reads %d revisions", k, b, len(ids))
		}
		total += len(ids)
		prev = newIDs(changes[b[0]:b[1]], skips[b[0]:b[1]])
		if k > 0 && b[0] != bounds[k-1][1] {
			t.Errorf("chunk %d starts at %d, not where chunk %d ends", k, b[0], k-1)
		}
	}
	// 270 edits read plus, per chunk, the few versions before of edits
	// following a skipped one.
	if want := (total + chunkIDs - 1) / chunkIDs; len(bounds) > want+1 {
		t.Errorf("%d chunks for %d revisions, want at most %d", len(bounds), total, want+1)
	}
	if bounds[0][0] != 0 || bounds[len(bounds)-1][1] != n {
		t.Errorf("chunks %v do not cover the changes", bounds)
	}
	if got := chunkBounds(nil, nil, chunkIDs); len(got) != 0 {
		t.Errorf("no changes: chunks %v", got)
	}
}
