package nodebb

import (
	"context"
	"net/http/cookiejar"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/testforum"
)

// TestSessionLost: after the forum forgets the bot's session, reads still
// see IPs and moderation still works (the client logs in again).
func TestSessionLost(t *testing.T) {
	t.Parallel()
	f := testforum.Start(t)
	ctx := context.Background()
	c, err := New(Config{URL: f.URL, Username: f.BotUser, Password: f.BotPassword})
	if err != nil {
		t.Fatal(err)
	}
	top, err := f.GuestTopic(ctx, "203.0.113.99", "", "session test", "a post to moderate")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Posts(ctx, 0, 10); err != nil {
		t.Fatal(err)
	}
	forget := func() {
		jar, _ := cookiejar.New(nil)
		c.hc.Jar = jar
	}

	forget()
	posts, _, err := c.Posts(ctx, top.PID-1, 10)
	if err != nil || len(posts) != 1 || posts[0].IP != "203.0.113.99" {
		t.Fatalf("Posts after a lost session = %+v, %v", posts, err)
	}

	// A socket opened without the session acts as a guest: NodeBB answers
	// no-privileges, and the client logs in again and retries.
	forget()
	c.sock.reset()
	if _, err := c.Remove(ctx, top.PID, false); err != nil {
		t.Fatalf("Remove after a lost session: %v", err)
	}
	st, err := f.Topic(ctx, top.TID)
	if err != nil || !st.Deleted {
		t.Fatalf("topic after Remove: %+v, %v", st, err)
	}
}
