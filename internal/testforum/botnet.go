package testforum

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// GuestTopic opens a topic in GuestCID as a guest at ip (X-Forwarded-For)
// with an optional handle, as a browser does (socket.io topics.post).
// Titles need 3 characters, content 8.
func (f *Forum) GuestTopic(ctx context.Context, ip, handle, title, content string) (Posted, error) {
	return topicAs(ctx, f.newSession(ip), f.GuestCID, handle, title, content)
}

// GuestReply replies to topic tid as a guest at ip with an optional handle
// (socket.io posts.reply).
func (f *Forum) GuestReply(ctx context.Context, ip, handle string, tid int64, content string) (Posted, error) {
	return replyAs(ctx, f.newSession(ip), handle, tid, content)
}

func topicAs(ctx context.Context, s *session, cid int64, handle, title, content string) (Posted, error) {
	data := map[string]any{"cid": cid, "title": title, "content": content}
	if handle != "" {
		data["handle"] = handle
	}
	res, err := s.emit(ctx, "topics.post", data)
	if err != nil {
		return Posted{}, fmt.Errorf("new topic from %s: %w", s.ip, err)
	}
	var t struct {
		TID      json.Number `json:"tid"`
		MainPost struct {
			PID json.Number `json:"pid"`
		} `json:"mainPost"`
	}
	if err := json.Unmarshal(res, &t); err != nil {
		return Posted{}, fmt.Errorf("new topic from %s: %w: %.300s", s.ip, err, res)
	}
	tid, _ := t.TID.Int64()
	pid, _ := t.MainPost.PID.Int64()
	if tid == 0 || pid == 0 {
		return Posted{}, fmt.Errorf("new topic from %s: no tid/pid in %.300s", s.ip, res)
	}
	return Posted{TID: tid, PID: pid}, nil
}

func replyAs(ctx context.Context, s *session, handle string, tid int64, content string) (Posted, error) {
	data := map[string]any{"tid": tid, "content": content}
	if handle != "" {
		data["handle"] = handle
	}
	res, err := s.emit(ctx, "posts.reply", data)
	if err != nil {
		return Posted{}, fmt.Errorf("reply to %d from %s: %w", tid, s.ip, err)
	}
	var p struct {
		PID json.Number `json:"pid"`
	}
	if err := json.Unmarshal(res, &p); err != nil {
		return Posted{}, fmt.Errorf("reply to %d from %s: %w: %.300s", tid, s.ip, err, res)
	}
	pid, _ := p.PID.Int64()
	if pid == 0 {
		return Posted{}, fmt.Errorf("reply to %d from %s: no pid in %.300s", tid, s.ip, res)
	}
	return Posted{TID: tid, PID: pid}, nil
}

// Account is a registered account, logged in from one IP.
type Account struct {
	UID                int64
	Username, Password string
	IP                 string
	s                  *session
}

// Register creates an account from ip (POST /register, logged in at once).
func (f *Forum) Register(ctx context.Context, ip, username string) (*Account, error) {
	s := f.newSession(ip)
	pass := "pass-" + username + "-123"
	b, err := s.postForm(ctx, "/register", url.Values{
		"username": {username}, "email": {username + "@example.invalid"},
		"password": {pass}, "password-confirm": {pass},
	})
	if err != nil {
		return nil, fmt.Errorf("register %s from %s: %w", username, ip, err)
	}
	var r struct {
		UID json.Number `json:"uid"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("register %s from %s: %w: %.300s", username, ip, err, b)
	}
	uid, _ := r.UID.Int64()
	if uid == 0 {
		return nil, fmt.Errorf("register %s from %s: no uid in %.300s", username, ip, b)
	}
	s.uid = uid
	return &Account{UID: uid, Username: username, Password: pass, IP: ip, s: s}, nil
}

// Topic opens a topic in GuestCID as the account.
func (a *Account) Topic(ctx context.Context, title, content string) (Posted, error) {
	return topicAs(ctx, a.s, a.s.f.GuestCID, "", title, content)
}

// Reply replies to topic tid as the account.
func (a *Account) Reply(ctx context.Context, tid int64, content string) (Posted, error) {
	return replyAs(ctx, a.s, "", tid, content)
}

// Upvote upvotes post pid as the account (reputation for its author).
func (a *Account) Upvote(ctx context.Context, pid int64) error {
	if _, err := a.s.emit(ctx, "posts.upvote", map[string]any{"pid": pid, "room_id": "topic_0"}); err != nil {
		return fmt.Errorf("upvote %d as %s: %w", pid, a.Username, err)
	}
	return nil
}

// adminSession returns the administrator's session, logging in once.
func (f *Forum) adminSession(ctx context.Context) (*session, error) {
	f.adminMu.Lock()
	defer f.adminMu.Unlock()
	if f.admin != nil {
		return f.admin, nil
	}
	s := f.newSession("")
	if err := s.login(ctx, f.AdminUser, f.AdminPassword); err != nil {
		return nil, err
	}
	f.admin = s
	return s, nil
}

// AdminTopic opens a topic in GuestCID as the administrator (established
// content, or an off-switch topic).
func (f *Forum) AdminTopic(ctx context.Context, title, content string) (Posted, error) {
	s, err := f.adminSession(ctx)
	if err != nil {
		return Posted{}, err
	}
	return topicAs(ctx, s, f.GuestCID, "", title, content)
}

// AdminEdit replaces the content of post pid as the administrator.
func (f *Forum) AdminEdit(ctx context.Context, pid int64, content string) error {
	s, err := f.adminSession(ctx)
	if err != nil {
		return err
	}
	if _, err := s.emit(ctx, "posts.edit", map[string]any{"pid": pid, "content": content}); err != nil {
		return fmt.Errorf("edit post %d: %w", pid, err)
	}
	return nil
}

// PostState is a post as the administrator reads it.
type PostState struct {
	// Exists is false once the post is purged (or was never written).
	Exists  bool
	Deleted bool // the post itself is soft-deleted
	TID     int64
	UID     int64
	Content string
	IP      string // as stored: a socket.io post keeps the whole X-Forwarded-For
	Handle  string
	// TopicExists is false once the topic is purged; TopicDeleted says it
	// is soft-deleted (its posts then keep Deleted false).
	TopicExists, TopicDeleted bool
	MainPID                   int64
}

// Post reads post pid and its topic as the administrator.
func (f *Forum) Post(ctx context.Context, pid int64) (PostState, error) {
	s, err := f.adminSession(ctx)
	if err != nil {
		return PostState{}, err
	}
	var p struct {
		TID, UID, Deleted json.Number
		Content, IP       string
		Handle            string
	}
	status, err := s.getJSON(ctx, "/api/post/pid/"+strconv.FormatInt(pid, 10), &p)
	if status == http.StatusNotFound {
		return PostState{}, nil
	}
	if err != nil {
		return PostState{}, fmt.Errorf("read post %d: %w", pid, err)
	}
	st := PostState{Exists: true, Deleted: p.Deleted == "1", Content: p.Content, IP: p.IP, Handle: p.Handle}
	st.TID, _ = p.TID.Int64()
	st.UID, _ = p.UID.Int64()
	t, err := f.Topic(ctx, st.TID)
	if err != nil {
		return PostState{}, err
	}
	st.TopicExists, st.TopicDeleted, st.MainPID = t.Exists, t.Deleted, t.MainPID
	return st, nil
}

// TopicState is a topic as the administrator reads it.
type TopicState struct {
	Exists, Deleted bool
	MainPID         int64
	Title           string
}

// Topic reads topic tid as the administrator.
func (f *Forum) Topic(ctx context.Context, tid int64) (TopicState, error) {
	s, err := f.adminSession(ctx)
	if err != nil {
		return TopicState{}, err
	}
	var t struct {
		Deleted, MainPid json.Number
		Title            string
	}
	status, err := s.getJSON(ctx, "/api/topic/tid/"+strconv.FormatInt(tid, 10), &t)
	if status == http.StatusNotFound {
		return TopicState{}, nil
	}
	if err != nil {
		return TopicState{}, fmt.Errorf("read topic %d: %w", tid, err)
	}
	main, _ := t.MainPid.Int64()
	return TopicState{Exists: true, Deleted: t.Deleted == "1", MainPID: main, Title: t.Title}, nil
}

// Blacklist returns the IP blacklist's rule text.
func (f *Forum) Blacklist(ctx context.Context) (string, error) {
	s, err := f.adminSession(ctx)
	if err != nil {
		return "", err
	}
	var r struct {
		Rules string `json:"rules"`
	}
	if _, err := s.getJSON(ctx, "/api/ip-blacklist", &r); err != nil {
		return "", fmt.Errorf("read blacklist: %w", err)
	}
	return r.Rules, nil
}

// SetBlacklist replaces the IP blacklist's rule text as the administrator.
func (f *Forum) SetBlacklist(ctx context.Context, rules string) error {
	s, err := f.adminSession(ctx)
	if err != nil {
		return err
	}
	if _, err := s.emit(ctx, "blacklist.save", rules); err != nil {
		return fmt.Errorf("save blacklist: %w", err)
	}
	return nil
}

// Banned reports whether account uid is banned, and until when in ms since
// the epoch (0: for good).
func (f *Forum) Banned(ctx context.Context, uid int64) (bool, int64, error) {
	s, err := f.adminSession(ctx)
	if err != nil {
		return false, 0, err
	}
	var u struct {
		Banned json.Number `json:"banned"`
		Expire json.Number `json:"banned:expire"`
	}
	if _, err := s.getJSON(ctx, "/api/user/uid/"+strconv.FormatInt(uid, 10), &u); err != nil {
		return false, 0, fmt.Errorf("read user %d: %w", uid, err)
	}
	exp, _ := u.Expire.Int64()
	return u.Banned == "1", exp, nil
}

// Login logs an existing account in from ip (a campaign that runs its
// phases as separate processes logs its accounts in again).
func (f *Forum) Login(ctx context.Context, ip, username, password string) (*Account, error) {
	s := f.newSession(ip)
	if err := s.login(ctx, username, password); err != nil {
		return nil, err
	}
	return &Account{UID: s.uid, Username: username, Password: password, IP: ip, s: s}, nil
}
