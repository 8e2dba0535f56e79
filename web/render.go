package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/store"
)

// Errors the handlers return; fail maps them onto statuses.
var (
	errNotFound     = errors.New("not found")
	errUnauthorized = errors.New("log in first")
	errCrossOrigin  = errors.New("cross-origin request refused")
	errConflict     = errors.New("conflict")
	// errRightsUnknown: the wiki could not say whether the moderator is
	// still one.
	errRightsUnknown = errors.New("moderator's rights could not be checked")
)

// badRequest is a request the moderator can fix.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

// conflict is an action refused because of the item's state.
type conflict struct{ msg string }

func (e conflict) Error() string { return e.msg }
func (e conflict) Is(target error) bool {
	return target == errConflict
}

// status maps an error onto an HTTP status and the text shown for it.
func status(err error) (int, string) {
	var br badRequest
	switch {
	case errors.Is(err, errNotFound), errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "Not found."
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized, "Log in first."
	case errors.Is(err, errRightsUnknown):
		return http.StatusServiceUnavailable, "The wiki could not confirm your rights just now. Try again."
	case errors.Is(err, errForbidden):
		return http.StatusForbidden, "You are not a moderator of this site."
	case errors.Is(err, errCrossOrigin):
		return http.StatusForbidden, "Cross-origin request refused."
	case errors.As(err, &br):
		return http.StatusBadRequest, br.msg
	case errors.Is(err, ErrLaterEditor):
		return http.StatusConflict, "Not restored: " + ErrLaterEditor.Error() + ". Look at the page history and restore by hand if it is still wanted."
	case errors.Is(err, errConflict):
		return http.StatusConflict, err.Error()
	}
	var ae actionError
	if errors.As(err, &ae) {
		return http.StatusBadGateway, "The wiki did not do it: " + ae.Error()
	}
	return http.StatusInternalServerError, "Something went wrong; the error is in the service's log."
}

// fail answers a request with err's status, as JSON under /api/ and as a
// page elsewhere. Server errors are logged here, once.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := status(err)
	if code >= 500 {
		s.log.WithError(err).WithField("path", r.URL.Path).Error("console request failed")
	}
	if isAPI(r) || wantsJSON(r) {
		writeJSON(w, code, map[string]string{"error": msg})
		return
	}
	s.render(w, r, code, "error", map[string]any{"Status": code, "Message": msg})
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json") && !strings.Contains(r.Header.Get("Accept"), "text/html")
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// respond answers with data: JSON under /api/, else the page rendered with
// it.
func (s *server) respond(w http.ResponseWriter, r *http.Request, page string, data map[string]any, api any) {
	if isAPI(r) {
		writeJSON(w, http.StatusOK, api)
		return
	}
	s.render(w, r, http.StatusOK, page, data)
}

// render executes a page into a buffer first, so a template error becomes a
// clean 500 instead of half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, code int, page string, data map[string]any) {
	t, ok := s.pages[page]
	if !ok {
		http.Error(w, "no such page template", http.StatusInternalServerError)
		return
	}
	if data == nil {
		data = map[string]any{}
	}
	if sess := moderator(r); sess != nil {
		data["Moderator"] = sess.user
		if msg := s.sessions.takeFlash(sess); msg != "" {
			data["Flash"] = msg
		}
	}
	if sess := moderator(r); sess != nil {
		data["Sites"] = s.reviewed(r)
		data["Site"] = r.URL.Query().Get("site")
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, "layout", data); err != nil {
		s.log.WithError(err).WithField("page", page).Error("render page")
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(b.String()))
}

func (s *server) style(w http.ResponseWriter, r *http.Request) {
	b, err := templateFS.ReadFile("templates/style.css")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=3600")
	_, _ = w.Write(b)
}

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"ago": func(t time.Time) string {
		d := time.Since(t).Round(time.Second)
		switch {
		case d < time.Minute:
			return "just now"
		case d < time.Hour:
			return fmt.Sprintf("%d min ago", int(d.Minutes()))
		case d < 48*time.Hour:
			return fmt.Sprintf("%d h ago", int(d.Hours()))
		}
		return fmt.Sprintf("%d days ago", int(d.Hours()/24))
	},
	"path":  func(s string) string { return url.PathEscape(s) },
	"isIP":  func(s string) bool { _, err := parseTarget(s); return err == nil },
	"score": func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"dur":   func(d time.Duration) string { return d.Round(time.Millisecond).String() },
	"wikiLink": func(base, title string) string {
		if base == "" {
			return ""
		}
		return base + "?title=" + url.QueryEscape(strings.ReplaceAll(title, " ", "_"))
	},
	"diffLink": func(base string, rev int64) string {
		if base == "" {
			return ""
		}
		return fmt.Sprintf("%s?diff=%d", base, rev)
	},
}

// parseTemplates builds one template set per page: the layout plus the
// page's own file.
func parseTemplates() (map[string]*template.Template, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")
		if name == "layout" || name == "parts" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, f)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", f, err)
		}
		pages[name] = t
	}
	return pages, nil
}

func fmtScore(f float64) string { return fmt.Sprintf("%.2f", f) }
