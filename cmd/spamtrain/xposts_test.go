package main

import "testing"

func TestReadXPosts(t *testing.T) {
	data := `{"id":"x_1","source_id":"11","text":"gm all, claim your drop at tokendrop.example/claim","labels":["topic_crypto","phishing","scam"]}
{"id":"x_2","source_id":"12","text":"Finished the refactor, tests pass","labels":["clean","topic_programming_dev"]}
{"id":"x_3","source_id":"13","text":"New course out now, link in bio","labels":["promo","topic_ai"]}
{"id":"x_4","source_id":"14","text":"Rates held again this month","labels":["topic_news"]}
{"id":"x_5","source_id":"x_mock_5","text":"made-up post","labels":["clean"]}
{"id":"x_6","source_id":"16","text":"gm all, claim your drop at tokendrop.example/claim","labels":["scam","spam"]}
{"id":"x_7","source_id":"17","text":"Bonne journée à tous","labels":["clean","topic_language_other"]}
{"id":"x_8","source_id":"18","text":"  ","labels":["clean"]}
{"id":"x_9","source_id":"19","text":"no labels at all","labels":[]}
`
	ex, err := readXPosts([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id, kind string
		spam     bool
	}{
		{"xpost:x_1", "spam-xpost-en", true},
		{"xpost:x_2", "ham-xpost-en", false},
		{"xpost:x_4", "ham-xpost-en", false},
		{"xpost:x_7", "ham-xpost-und", false},
	}
	if len(ex) != len(want) {
		t.Fatalf("got %d posts, want %d (promotion, a mock, a duplicate, an empty and an unlabelled post left out): %+v", len(ex), len(want), ex)
	}
	for i, w := range want {
		e := ex[i]
		if e.id != w.id || e.kind != w.kind || e.label != w.spam || e.source != "x" || e.genre != "comment" || !e.markdown {
			t.Errorf("post %d: got %+v, want id %s, kind %s, spam %v, source x, genre comment, Markdown", i, e, w.id, w.kind, w.spam)
		}
	}
	if _, err := readXPosts([]byte("{\"id\":\n")); err == nil {
		t.Error("a broken line was read")
	}
	if _, err := readXPosts([]byte(`{"id":"x_1","text":"promo","labels":["promo"]}` + "\n")); err == nil {
		t.Error("a file of no usable post gave no error")
	}
}
