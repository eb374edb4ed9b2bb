package imc

import (
	_ "embed"

	"generalist"
)

//go:embed examples/eksempler.json
var examplesJSON []byte

// ExamplesFile is the name of the shipped examples.
const ExamplesFile = "imc/examples/eksempler.json"

// Examples returns the shipped example cooperations: a host arrangement
// for child welfare between three municipalities, a KO for internal audit,
// an IKS for waste and an IPR for a region. They are illustrations, marked
// Example, with made-up dates, shares and budgets on real municipalities;
// they are never real registrations.
func Examples() ([]generalist.IMC, error) {
	return ParseJSON(examplesJSON, ExamplesFile)
}

// ExamplesJSON returns the shipped examples' file.
func ExamplesJSON() []byte { return append([]byte(nil), examplesJSON...) }
