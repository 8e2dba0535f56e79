package config

import (
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The yaml package reports an unknown key as "field shedule not found in
// type config.Patrol" and a bad value without saying which key it belongs
// to. explain walks the document alongside the Config type to say the same
// things in terms of dotted key paths, so the operator can find the line.

const durationFix = `use a Go duration such as "90m" or "24h", or days/weeks such as "30d" or "2w"`

var (
	durationType  = reflect.TypeFor[Duration]()
	unmarshalType = reflect.TypeFor[yaml.Unmarshaler]()
)

// explain returns the problems in doc (a document node) that decoding it
// into t would hit: unknown or repeated keys and values of the wrong type.
func explain(doc *yaml.Node, t reflect.Type) []*Error {
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil
		}
		doc = doc.Content[0]
	}
	var errs []*Error
	explainStruct(doc, t, "", &errs)
	return errs
}

func explainStruct(n *yaml.Node, t reflect.Type, path string, errs *[]*Error) {
	n = resolveAlias(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		p := &Error{Line: n.Line, Key: path, Problem: "want a mapping of keys, got " + describeNode(n)}
		if path == "" {
			p.Fix = "start the file with a section such as \"wiki:\""
		} else {
			p.Fix = "indent its keys under \"" + path[strings.LastIndex(path, ".")+1:] + ":\""
		}
		*errs = append(*errs, p)
		return
	}
	fields := make(map[string]reflect.StructField)
	for i := range t.NumField() {
		f := t.Field(i)
		if name := yamlName(f); name != "" {
			fields[name] = f
		}
	}
	seen := make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := joinKey(path, k.Value)
		if first, ok := seen[k.Value]; ok {
			*errs = append(*errs, &Error{Line: k.Line, Key: key,
				Problem: "set twice (first on line " + strconv.Itoa(first) + ")",
				Fix:     "keep only one"})
			continue
		}
		seen[k.Value] = k.Line
		f, ok := fields[k.Value]
		if !ok {
			*errs = append(*errs, &Error{Line: k.Line, Key: key,
				Problem: "unknown key", Fix: "remove it or check its spelling"})
			continue
		}
		explainValue(v, f.Type, key, errs)
	}
}

func explainValue(v *yaml.Node, t reflect.Type, key string, errs *[]*Error) {
	if t.Kind() == reflect.Struct && !reflect.PointerTo(t).Implements(unmarshalType) {
		explainStruct(v, t, key, errs)
		return
	}
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && resolveAlias(v).Kind == yaml.SequenceNode {
		// A list of sections, such as sites: each item is walked as one.
		for i, item := range resolveAlias(v).Content {
			explainStruct(item, t.Elem(), key+"["+strconv.Itoa(i)+"]", errs)
		}
		return
	}
	err := v.Decode(reflect.New(t).Interface())
	if err == nil {
		return
	}
	p := &Error{Line: v.Line, Key: key}
	var te *yaml.TypeError
	switch {
	case errors.As(err, &te):
		p.Problem = "want " + describeType(t) + ", got " + describeNode(v)
		if t.Kind() == reflect.Slice && v.Kind == yaml.ScalarNode && !isNull(v) {
			p.Fix = "write it as a list, e.g. [" + v.Value + "]"
		}
	case t == durationType:
		p.Problem, p.Fix = err.Error(), durationFix
	default:
		p.Problem = err.Error()
	}
	*errs = append(*errs, p)
}

// yamlName is the key a struct field is read from.
func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

func joinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describeNode names what the file holds, for "want X, got Y".
func describeNode(n *yaml.Node) string {
	n = resolveAlias(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "nothing"
		}
		return strconv.Quote(n.Value)
	}
	return "an unreadable value"
}

// describeType names what a field wants, for "want X, got Y".
func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(describeType(t.Elem()), "a "), "an ") + "s"
	case reflect.Struct:
		return "a mapping"
	}
	return t.String()
}

// syntaxLine pulls the line number out of the yaml package's syntax errors
// ("yaml: line 3: mapping values are not allowed in this context").
var syntaxLine = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError rewrites a yaml parse error as an *Error.
func syntaxError(err error) *Error {
	msg := err.Error()
	p := &Error{Fix: "fix the YAML syntax"}
	if m := syntaxLine.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	p.Problem = "invalid YAML: " + msg
	return p
}

// decodeError wraps an error the walker could not explain.
func decodeError(err error) *Error {
	return &Error{Problem: strings.TrimPrefix(err.Error(), "yaml: ")}
}
