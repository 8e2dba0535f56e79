package mwsite

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/store"
)

// modWiki is a wiki with one block in force, noting the blocks lifted.
type modWiki struct {
	ModWiki // unused methods panic
	block   *mediawiki.BlockInfo
	lifted  []int64
}

func (w *modWiki) BlockInfo(_ context.Context, target string) (mediawiki.BlockInfo, error) {
	if w.block == nil || w.block.Target != target {
		return mediawiki.BlockInfo{}, mediawiki.ErrNotFound
	}
	return *w.block, nil
}

func (w *modWiki) UnblockID(_ context.Context, id int64, _ string) error {
	w.lifted = append(w.lifted, id)
	return nil
}

type blockList []store.Block

func (b blockList) Blocks(_ context.Context, target string) ([]store.Block, error) {
	var out []store.Block
	for _, x := range b {
		if x.Target == target {
			out = append(out, x)
		}
	}
	return out, nil
}

// TestRestoreLiftsOnlyTheBotsBlock: a restore lifts the block the bot
// placed for the item, by its id, and leaves an administrator's later
// block, and a block the bot placed for another edit, in place.
func TestRestoreLiftsOnlyTheBotsBlock(t *testing.T) {
	placed := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	rec := store.Record{RevID: 7, Title: "Foo", User: "192.0.2.1", IP: "192.0.2.1", Anon: true,
		Action: decision.ActionNone, BlockTarget: "192.0.2.1"}
	mine := blockList{{Target: "192.0.2.1", Time: placed, RevID: 7}}
	for _, tc := range []struct {
		name   string
		block  *mediawiki.BlockInfo
		blocks blockList
		lifted bool
		says   string
	}{
		{"the bot's block", &mediawiki.BlockInfo{ID: 41, Target: "192.0.2.1", By: "Warden", Timestamp: placed.Add(2 * time.Second)}, mine, true, "Lifted"},
		{"an admin's block now", &mediawiki.BlockInfo{ID: 42, Target: "192.0.2.1", By: "Admin", Timestamp: placed.Add(time.Hour)}, mine, false, "Admin's"},
		{"the bot's block for another edit", &mediawiki.BlockInfo{ID: 43, Target: "192.0.2.1", By: "Warden", Timestamp: placed.Add(48 * time.Hour)}, mine, false, "not the one"},
		{"no block", nil, mine, false, "already ended"},
		{"no record of the bot's block", &mediawiki.BlockInfo{ID: 44, Target: "192.0.2.1", By: "Warden", Timestamp: placed}, nil, false, "not the one"},
		{"the bot's block by its id", &mediawiki.BlockInfo{ID: 45, Target: "192.0.2.1", By: "Warden", Timestamp: placed.Add(time.Hour)},
			blockList{{Target: "192.0.2.1", Time: placed, RevID: 7, ID: 45}}, true, "Lifted"},
		{"another block of the bot's, same time", &mediawiki.BlockInfo{ID: 46, Target: "192.0.2.1", By: "Warden", Timestamp: placed},
			blockList{{Target: "192.0.2.1", Time: placed, RevID: 7, ID: 45}}, false, "not the one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := &modWiki{block: tc.block}
			m := NewModerator(w, tc.blocks, ModeratorOptions{Account: "Warden", SummaryPrefix: "wikiwarden:"})
			got, err := m.Restore(context.Background(), rec, "Admin")
			if err != nil {
				t.Fatal(err)
			}
			if (len(w.lifted) == 1 && w.lifted[0] == tc.block.ID) != tc.lifted || !strings.Contains(got, tc.says) {
				t.Errorf("lifted %v, said %q; want lifted=%v and %q", w.lifted, got, tc.lifted, tc.says)
			}
		})
	}
}
