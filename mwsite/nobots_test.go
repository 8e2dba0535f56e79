package mwsite

import "testing"

func TestBotsDenied(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"plain text", false},
		{"{{nobots}}", true},
		{"{{ NoBots }} text", true},
		{"{{bots}}", false},
		{"{{bots|deny=all}}", true},
		{"{{bots|deny=Warden}}", true},
		{"{{bots|deny=OtherBot, warden }}", true},
		{"{{bots|deny=OtherBot}}", false},
		{"{{bots|allow=none}}", true},
		{"{{bots|allow=all}}", false},
		{"{{bots|allow=Warden}}", false},
		{"{{bots|allow=OtherBot}}", true},
		{"{{nobots-like template}}", false},
	}
	for _, tt := range tests {
		if got := BotsDenied(tt.text, "Warden"); got != tt.want {
			t.Errorf("BotsDenied(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
