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
		// A one-line paragraph of an issue tracker that mentions an
		// operator is prose; a short line with one is code, and so is a
		// long line of code whose words are not plain words.
		{"When I compare the two columns with == the result is always false even though the values look the same in the printed frame and I expected them to match", false},
		{"x == y", true},
		// Operators inside code spans are code the sentence mentions;
		// a line that is only a span, or whose words are not prose, is
		// judged as before.
		{"It fails before `datasets==2.14.0`.", false},
		{"Then `a->b()` and `x != y` both hold here", false},
		{"`pip install datasets==2.14.0`", true},
		{"x `==` y", true},
		// A log's time stands at the line's start or has its seconds; a
		// signature's time closing a comment is prose.
		{"12:04 server started, listening on port 8080", true},
		{"then the server crashed again at 2024-01-02 12:34:56 with no message", true},
		{"I agree with the proposal as it stands. Krychek (talk) 20:19, 12 April 2016 (UTC)", false},
		{"self.assertEqual(result.shape, (3, 4)); model.fit(x_train, y_train, epochs=10, batch_size=32) -> history.history['loss'] == expected_loss_values", true},
	}
	for _, tt := range tests {
		if got := IsCodeLine(tt.line); got != tt.want {
			t.Errorf("IsCodeLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
