package config

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// SharedPostgres is the only shared.kind: the shared memory on PostgreSQL.
const SharedPostgres = "postgres"

// Shared is the "shared" section: a memory of the botnet shared with other
// wikiwarden processes through PostgreSQL (a farm on several machines). The
// store stays each process's own; the IP, range, token, page and domain
// events and the confirmed spam domains are also pushed to PostgreSQL and
// the other processes' are pulled into the store. Empty kind: off.
type Shared struct {
	// Kind is "postgres", or "" to keep the memory to this process.
	Kind string `yaml:"kind"`
	// DSNEnv names the environment variable holding the PostgreSQL
	// connection string (a postgres:// URL or key=value pairs); one of
	// dsn_env and dsn_file is required with kind postgres. The DSN is
	// never read from the YAML and never logged.
	DSNEnv string `yaml:"dsn_env"`
	// DSNFile is a file whose content, trimmed, is the connection string.
	// Load resolves a relative path against the config file's directory.
	DSNFile string `yaml:"dsn_file"`
	// MaxConns bounds the connections each process opens (one of them
	// listens for the other processes' pushes): 2 to 100.
	MaxConns int `yaml:"max_conns"`
	// Sync is how often the shared memory is synchronised besides before
	// each patrol pass, after commits and on the other processes' pushes.
	Sync Duration `yaml:"sync"`
}

// DefaultShared is the shared section's defaults; kind "" keeps it off.
func DefaultShared() Shared {
	return Shared{MaxConns: 4, Sync: Duration(30 * time.Second)}
}

// envName is what dsn_env may hold: a POSIX environment variable name.
var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// shared checks the shared section.
func (v *validator) shared(s Shared) {
	switch s.Kind {
	case "":
		return
	case SharedPostgres:
	default:
		v.add("shared.kind", fmt.Sprintf("unknown kind %q", s.Kind), `use "postgres", or "" to keep the memory to this process`)
		return
	}
	switch {
	case s.DSNEnv == "" && s.DSNFile == "":
		v.add("shared.dsn_env", "missing with shared.kind postgres",
			"name the environment variable holding the PostgreSQL connection string (e.g. WIKIWARDEN_SHARED_DSN), or set shared.dsn_file")
	case s.DSNEnv != "" && s.DSNFile != "":
		v.add("shared.dsn_env", "set together with shared.dsn_file", "keep one of them")
	case s.DSNEnv != "" && !envName.MatchString(s.DSNEnv):
		if strings.Contains(s.DSNEnv, "://") || strings.Contains(s.DSNEnv, "=") {
			// Never repeat what looks like a DSN in an error.
			v.add("shared.dsn_env", "holds a connection string, not the name of an environment variable",
				"put the connection string in an environment variable (e.g. WIKIWARDEN_SHARED_DSN) and name it here")
		} else {
			v.add("shared.dsn_env", fmt.Sprintf("%q is not an environment variable name", s.DSNEnv), "use letters, digits and _, e.g. WIKIWARDEN_SHARED_DSN")
		}
	}
	if s.MaxConns < 2 || s.MaxConns > 100 {
		v.add("shared.max_conns", "must be from 2 to 100, got "+strconv.Itoa(s.MaxConns), "use e.g. 4")
	}
	v.positive("shared.sync", s.Sync, "30s")
}

// DSN returns the PostgreSQL connection string: the trimmed content of
// shared.dsn_file, or getenv(shared.dsn_env) (os.Getenv when getenv is
// nil). The errors never contain the DSN.
func (s Shared) DSN(getenv func(string) string) (string, error) {
	if f := s.DSNFile; f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", &Error{Key: "shared.dsn_file", Problem: fmt.Sprintf("cannot read %q (%s)", f, cause(err)),
				Fix: "make it readable by wikiwarden, or use shared.dsn_env", Err: err}
		}
		dsn := strings.TrimSpace(string(data))
		if dsn == "" {
			return "", &Error{Key: "shared.dsn_file", Problem: fmt.Sprintf("%q is empty", f), Fix: "put the PostgreSQL connection string in it"}
		}
		return dsn, nil
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	if dsn := strings.TrimSpace(getenv(s.DSNEnv)); dsn != "" {
		return dsn, nil
	}
	return "", &Error{Key: "shared.dsn_env", Problem: s.DSNEnv + " is empty",
		Fix: "set " + s.DSNEnv + " to the PostgreSQL connection string, e.g. postgres://wikiwarden@db.example.org/wikiwarden"}
}
