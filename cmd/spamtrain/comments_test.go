package main

import "testing"

func TestReadComments(t *testing.T) {
	data := "number,scam,msg_length,msg\n" +
		"0,1,40,\"i made $900 in a week, thanks to @some_mentor_fx\"\n" +
		"1,0,9,nice shot\n" +
		"2,1,40,\"i made $900 in a week, thanks to @some_mentor_fx\"\n" +
		"3,0,2,\"  \"\n" +
		"4,0,30,\"@friend see you on friday\"\n"
	ex, err := readComments(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex) != 3 {
		t.Fatalf("got %d comments, want 3 (a duplicate and an empty one dropped): %+v", len(ex), ex)
	}
	want := []struct {
		id    string
		spam  bool
		kind  string
		label string
	}{
		{"igcomment:0", true, "spam-igcomment-en", "spam"},
		{"igcomment:1", false, "ham-igcomment-en", "ham"},
		{"igcomment:4", false, "ham-igcomment-en", "ham"},
	}
	for i, w := range want {
		e := ex[i]
		if e.id != w.id || e.label != w.spam || e.kind != w.kind || e.source != "ig" || e.genre != "comment" || !e.markdown {
			t.Errorf("comment %d: got %+v, want id %s, %s, kind %s, source ig, genre comment, Markdown", i, e, w.id, w.label, w.kind)
		}
	}
	if _, err := readComments("id,label,text,x\n1,1,a,b\n"); err == nil {
		t.Error("a CSV of another header was read")
	}
}
