package imc

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"generalist"
)

// Problem is one thing wrong with a file of cooperations, and where: the
// line, the CSV column (or JSON field) and the cooperation, as far as they
// are known. Message says what is wrong without the place, so that an
// edge can say the place in its own words.
type Problem struct {
	// Line is the line of the file (from 1); 0 when the problem is the
	// file's as a whole.
	Line int `json:"line,omitempty"`
	// Char is the character in the line (from 1) where a JSON file goes
	// wrong; 0 if not known.
	Char int `json:"char,omitempty"`
	// Field is the position of the CSV column (from 1), 0 if none.
	Field int `json:"field,omitempty"`
	// Column is the CSV column's name or the JSON field.
	Column string `json:"column,omitempty"`
	// Cooperation is the name of the cooperation, when it has one.
	Cooperation string `json:"cooperation,omitempty"`
	// Index is the cooperation's place in the file (from 1), 0 if not
	// known.
	Index   int    `json:"index,omitempty"`
	Message string `json:"message"`
	// Kind names problems an edge may word itself: KindSource,
	// KindExample; empty for the others.
	Kind string `json:"kind,omitempty"`
}

// Problem kinds an edge can say in its own words.
const (
	// KindSource: the cooperation has no source and the file none by
	// default.
	KindSource = "source_missing"
	// KindExample: a user's file marks a cooperation as an example, or
	// gives one of the shipped examples' names.
	KindExample = "example"
	// KindRegistered: a cooperation of the name is registered, and the
	// import does not replace registered versions.
	KindRegistered = "registered"
)

// Where is the place in English: "line 4, field 2 (form)".
func (p Problem) Where() string {
	var parts []string
	if p.Line > 0 {
		parts = append(parts, fmt.Sprintf("line %d", p.Line))
	}
	if p.Char > 0 {
		parts = append(parts, fmt.Sprintf("column %d", p.Char))
	}
	switch {
	case p.Field > 0 && p.Column != "":
		parts = append(parts, fmt.Sprintf("field %d (%s)", p.Field, p.Column))
	case p.Column != "":
		parts = append(parts, p.Column)
	}
	switch {
	case p.Index > 0 && p.Cooperation != "":
		parts = append(parts, fmt.Sprintf("cooperation %d (%q)", p.Index, p.Cooperation))
	case p.Index > 0:
		parts = append(parts, fmt.Sprintf("cooperation %d", p.Index))
	case p.Cooperation != "":
		parts = append(parts, fmt.Sprintf("cooperation %q", p.Cooperation))
	}
	return strings.Join(parts, ", ")
}

// maxProblems bounds how many problems one file reports; a file with more
// is wrong throughout, and the first ones say how.
const maxProblems = 100

// FileError is every problem found in a file. Its message names the
// file and the first problem and says how many more there are; Problems
// lists them all. It unwraps to a *generalist.Error (EINVALID unless Code
// says otherwise), so the edges map it like any other error.
type FileError struct {
	File     string
	Problems []Problem
	// Code is the error code, EINVALID when empty.
	Code string
}

func (e *FileError) Error() string {
	if len(e.Problems) == 0 {
		return e.File + ": the file could not be read"
	}
	p := e.Problems[0]
	s := e.File
	if w := p.Where(); w != "" {
		s += " " + w
	}
	s += ": " + p.Message
	if n := len(e.Problems) - 1; n > 0 {
		s += fmt.Sprintf(" (and %d more problem%s)", n, map[bool]string{true: "s"}[n > 1])
	}
	return s
}

// Unwrap gives the EINVALID error the edges map.
func (e *FileError) Unwrap() error {
	code := e.Code
	if code == "" {
		code = generalist.EINVALID
	}
	return &generalist.Error{Code: code, Message: e.Error()}
}

// ProblemsOf returns the problems of a FileError in err's chain, or, for
// any other EINVALID error, one problem with its message; nil for nil.
func ProblemsOf(err error) []Problem {
	if err == nil {
		return nil
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return fe.Problems
	}
	return []Problem{{Message: generalist.ErrorMessage(err)}}
}

// problems collects the problems of one file.
type problems struct {
	file string
	list []Problem
}

func (ps *problems) add(p Problem) {
	if len(ps.list) < maxProblems {
		ps.list = append(ps.list, p)
	}
}

// full reports whether no more problems are kept.
func (ps *problems) full() bool { return len(ps.list) >= maxProblems }

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	slices.SortStableFunc(ps.list, func(a, b Problem) int { return a.Line - b.Line })
	return &FileError{File: ps.file, Problems: ps.list}
}

// fileProblem is a FileError with one problem of the whole file.
func fileProblem(file, format string, args ...any) error {
	return &FileError{File: file, Problems: []Problem{{Message: fmt.Sprintf(format, args...)}}}
}

// File is a parsed file of cooperations.
type File struct {
	Name   string
	Format string // "csv" or "json"
	// Cooperations in the file's order; Lines[i] is the line where the
	// i-th begins (its first row, or its object).
	Cooperations []generalist.IMC
	Lines        []int
}

// ParseFile reads a file of cooperations as JSON or CSV: format "json" or
// "csv", or "" to tell by the name's extension (.json, .csv, .txt, .tsv)
// and otherwise by the content (JSON begins with "{" or "["). Every problem
// is in the *FileError it returns, up to 100.
func ParseFile(b []byte, name, format string) (*File, error) {
	switch strings.ToLower(format) {
	case "json":
		return parseJSON(b, name)
	case "csv":
		return parseCSV(b, name)
	case "":
	default:
		return nil, generalist.Errorf(generalist.EINVALID, "format %q: must be json or csv", format)
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		return parseJSON(b, name)
	case ".csv", ".txt", ".tsv":
		return parseCSV(b, name)
	}
	t := bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return parseJSON(b, name)
	}
	return parseCSV(b, name)
}
