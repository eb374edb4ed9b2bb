package web

import (
	"strings"

	"generalist"
)

// A scenario without a name can still be built and evaluated: the name
// matters when it is saved, and the scenario API refuses it then. So the
// editor's evaluation leaves the missing name out of the problems (it
// would hide the figures as an error, and as a warning above the buttons
// it would vanish when the field loses focus and move «Lagre» away from
// the click that saves), and editor.js refuses to save until the field
// has a name, saying so below the buttons (ed.js.save.noname).

// withoutNameProblem returns ps without the scenario's "needs a name"
// problem.
func withoutNameProblem(ps generalist.Problems) generalist.Problems {
	out := make(generalist.Problems, 0, len(ps))
	for _, p := range ps {
		if p.Where != "name" {
			out = append(out, p)
		}
	}
	return out
}

// evaluationName stands in for a missing name while a scenario is
// evaluated: the evaluation checks the scenario again, and the name
// changes no figure.
const evaluationName = "–"

// withName returns sc, or a copy named evaluationName when it has no
// name.
func withName(sc *generalist.Scenario) *generalist.Scenario {
	if strings.TrimSpace(sc.Name) != "" {
		return sc
	}
	cp := *sc
	cp.Name = evaluationName
	return &cp
}
