package nodebb

import "net/http/cookiejar"

// ForgetSession drops c's cookies and socket, as if the forum had forgotten
// the session. Tests only; c must not be in use meanwhile.
func ForgetSession(c *Client) {
	jar, _ := cookiejar.New(nil)
	c.hc.Jar = jar
	c.sock.reset()
}
