package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Values printed into a vectors file are strings, integers, booleans, nil, objects (ordered members)
// and arrays. JSON produced by the SDK codec is read into the same shapes with its key order kept.
type object []member

type member struct {
	key   string
	value any
}

type array []any

// fromJSON reads JSON text into objects and arrays, keeping the order of the keys.
func fromJSON(bz []byte) any {
	dec := json.NewDecoder(bytes.NewReader(bz))
	dec.UseNumber()
	v := readValue(dec)
	if _, err := dec.Token(); err != io.EOF {
		panic(fmt.Sprintf("fromJSON: trailing data after the value (%v)", err))
	}
	return v
}

func readValue(dec *json.Decoder) any {
	tok, err := dec.Token()
	must(err)
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			obj := object{}
			for dec.More() {
				k, err := dec.Token()
				must(err)
				obj = append(obj, member{k.(string), readValue(dec)})
			}
			_, err := dec.Token()
			must(err)
			return obj
		case '[':
			arr := array{}
			for dec.More() {
				arr = append(arr, readValue(dec))
			}
			_, err := dec.Token()
			must(err)
			return arr
		}
		panic(fmt.Sprintf("fromJSON: unexpected %v", t))
	default:
		return t // string, json.Number, bool or nil
	}
}

// quote writes a string literal as JavaScript's JSON.stringify does (no HTML escaping).
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	must(enc.Encode(s))
	return strings.TrimSuffix(b.String(), "\n")
}

// compact is the one-line form: ", " between items and ": " after keys.
func compact(v any) string {
	switch x := v.(type) {
	case object:
		parts := make([]string, len(x))
		for i, m := range x {
			parts[i] = quote(m.key) + ": " + compact(m.value)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case array:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = compact(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case string:
		return quote(x)
	case json.Number:
		return x.String()
	case int:
		return strconv.Itoa(x)
	case uint64:
		return strconv.FormatUint(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return "null"
	}
	panic(fmt.Sprintf("compact: unsupported %T", v))
}

// maxLineLength bounds the lines the layout keeps on one line (strings longer than that stay whole).
// Any bound from 129 to 135 gives the layout of the committed files.
const maxLineLength = 130

// layout prints v on one line if that line, with its indent and the `reserved` characters around it
// (key and trailing comma), fits in maxLineLength; otherwise one member or element per line, each laid
// out the same way. This is the rule of the npm package json-stringify-pretty-compact.
func layout(v any, indent string, reserved int) string {
	one := compact(v)
	if utf8.RuneCountInString(one) <= maxLineLength-len(indent)-reserved {
		return one
	}
	inner := indent + "  "
	var items []string
	var open, close string
	switch x := v.(type) {
	case object:
		open, close = "{", "}"
		for i, m := range x {
			keyPart := quote(m.key) + ": "
			items = append(items, keyPart+layout(m.value, inner, len(keyPart)+commaAfter(i, len(x))))
		}
	case array:
		open, close = "[", "]"
		for i, e := range x {
			items = append(items, layout(e, inner, commaAfter(i, len(x))))
		}
	}
	if len(items) == 0 {
		return one
	}
	return open + "\n" + inner + strings.Join(items, ",\n"+inner) + "\n" + indent + close
}

func commaAfter(i, n int) int {
	if i == n-1 {
		return 0
	}
	return 1
}

// tsFile assembles a vectors module: comments and `export const` declarations.
type tsFile struct {
	b strings.Builder
}

// text writes lines verbatim (comments, blank lines, type declarations).
func (f *tsFile) text(lines ...string) {
	for _, l := range lines {
		f.b.WriteString(l)
		f.b.WriteByte('\n')
	}
}

// constant writes `export const <decl> = <value><suffix>;`.
func (f *tsFile) constant(decl string, v any, suffix string) {
	f.b.WriteString("export const " + decl + " = " + layout(v, "", 0) + suffix + ";\n")
}

func (f *tsFile) write(rel string) {
	dst := repoPath(rel)
	must(os.WriteFile(dst, []byte(f.b.String()), 0o644))
	fmt.Println("wrote", dst)
}
