package textview

import "testing"

func TestIsCodeLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"$ sudo apt-get install qzx", true},
		{"at org.example.Main.run(Main.java:42)", true},
		{"drwxr-xr-x  2 root root 4096 qzx", true},
		{"2024-01-02 12:34:56 ERROR qzx failed", true},
		{"if (x == y) { return; }", true},
		{"CFLAGS=-O2 LDFLAGS=-lm make", true},
		{"I tried the new chain and it works.", false},
		{"See https://example.com/a/b/c/d for the guide.", false},
		{"at the time the river flooded", false},
		{"Tom &amp; Jerry", false},
	}
	for _, tt := range tests {
		if got := IsCodeLine(tt.line); got != tt.want {
			t.Errorf("IsCodeLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
