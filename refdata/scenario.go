package refdata

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"generalist"
	"generalist/data"
)

// ExampleScenarios returns the example scenarios shipped in data/scenarios,
// by file name.
func ExampleScenarios() ([]*generalist.Scenario, error) {
	names, err := fs.Glob(data.FS, "scenarios/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*generalist.Scenario
	for _, n := range names {
		b, err := fs.ReadFile(data.FS, n)
		if err != nil {
			return nil, err
		}
		s, err := generalist.ParseScenario(b, n)
		if err != nil {
			return nil, err
		}
		if s.ID == "" {
			s.ID = strings.TrimSuffix(path.Base(n), ".json")
		}
		out = append(out, s)
	}
	return out, nil
}
