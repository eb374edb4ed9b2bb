package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"generalist"
	"generalist/chart"
	"generalist/internal/nbfmt"
	"generalist/optimize"
)

// ensembleOptions are the query parameters of /api/v1/search/ensemble
// beyond the criteria: the balance (tolerance, ceiling or unbalanced),
// the variant, the burn-in and the samples.
type ensembleOptions struct {
	Tolerance, Ceiling  float64
	Unbalanced          bool
	Variant             optimize.Variant
	BurnIn, SampleEvery int
}

// maxEnsembleSamples bounds the plans one response returns.
const maxEnsembleSamples = 200

func (o ensembleOptions) key() string {
	return fmt.Sprintf("/%g/%g/%t/%d/%d/%d", o.Tolerance, o.Ceiling, o.Unbalanced, o.Variant, o.BurnIn, o.SampleEvery)
}

func parseEnsembleOptions(q url.Values, steps int) (ensembleOptions, error) {
	var o ensembleOptions
	var err error
	if o.Tolerance, err = floatParam(q, "tolerance", 0, 0, 100); err != nil {
		return o, err
	}
	if o.Ceiling, err = floatParam(q, "ceiling", 0, 0, 1e12); err != nil {
		return o, err
	}
	if o.Unbalanced, err = boolParam(q, "unbalanced"); err != nil {
		return o, err
	}
	if o.Unbalanced && (o.Ceiling > 0 || o.Tolerance > 0) {
		return o, generalist.Errorf(generalist.EINVALID, "query parameter unbalanced: an unbalanced ensemble has no ceiling or tolerance")
	}
	if o.Variant, err = optimize.ParseVariant(q.Get("variant")); err != nil {
		return o, generalist.Errorf(generalist.EINVALID, "query parameter variant: %s", generalist.ErrorMessage(err))
	}
	burn, err := positiveParam(q, "burn_in", 0)
	if err != nil {
		return o, err
	}
	every, err := positiveParam(q, "sample_every", 0)
	if err != nil {
		return o, err
	}
	if every > 0 && int64(steps)/every > maxEnsembleSamples {
		return o, generalist.Errorf(generalist.EINVALID, "query parameter sample_every %d: at most %d plans in a response; sample every %d steps or more", every, maxEnsembleSamples, (steps+maxEnsembleSamples-1)/maxEnsembleSamples)
	}
	o.BurnIn, o.SampleEvery = int(min(burn, int64(steps))), int(every)
	return o, nil
}

// ensembleView is the ensemble part of /sok (search_ensemble.tmpl).
type ensembleView struct {
	Ens *optimize.EnsembleResult
	// Charts are the histograms of the statistics, with the plan found
	// marked; Constant the statistics that never changed, as sentences.
	Charts   []template.HTML
	Constant []string
	// Ceiling is the most weight of a group, Over its share above the
	// ideal group weight, Raised whether it was raised to the plan's
	// heaviest group; Pinned names the groups that never change.
	Ceiling, Ideal, Over, Tolerance string
	Unit                            string // the weights' unit in words
	Raised                          bool
	Pinned                          []string
	// Rows are the diagnostics per statistic; Acceptance the share of
	// steps that changed the plan, per chain.
	Rows       []ensembleRow
	Acceptance []string
	TooShort   bool
	Plans      string // the number of plans, formatted
	Parts      int
	RHatLimit  string
	ESSLimit   string
}

type ensembleRow struct {
	Name, RHat, ESS string
	OK              bool
}

// statisticKeys names the statistics on the page, in
// optimize.StatisticNames order; the objective's name comes from
// search.obj.<kind>.
var statisticKeys = []string{"", "ens.stat.max", "ens.stat.min", "ens.stat.cut"}

// ensembleViewOf builds the page's view of an ensemble around the plan
// of res.
func ensembleViewOf(e *optimize.EnsembleResult, res *searchResult, lang, source string) (*ensembleView, error) {
	nf := nbfmt.For(lang)
	dec := 0
	if res.Unit == "FTE" {
		dec = 1
	}
	v := &ensembleView{Ens: e, Ceiling: nf.Decimal(e.Ceiling, dec), Ideal: nf.Decimal(e.Ideal, dec), Raised: e.CeilingRaised, Unit: unitWord(res.Unit, lang),
		TooShort: e.Diagnostics.TooShort, Plans: nf.Decimal(float64(e.Steps), 0), Parts: e.Parts,
		RHatLimit: nf.Decimal(e.Diagnostics.RHatLimit, 2), ESSLimit: nf.Decimal(e.Diagnostics.ESSLimit, 0)}
	if e.Ideal > 0 {
		v.Over = nf.Percent(100*(e.Ceiling/e.Ideal-1), 0)
	}
	v.Tolerance = nf.Percent(100*e.Tolerance, 0)
	g := res.prob.Graph
	for _, b := range e.Pinned {
		names := make([]string, len(b))
		for i, n := range b {
			names[i] = g.Node(n).Name
		}
		v.Pinned = append(v.Pinned, strings.Join(names, " + "))
	}
	for _, c := range e.Diagnostics.Chains {
		v.Acceptance = append(v.Acceptance, nf.Percent(100*c.Acceptance, 0))
	}
	dists := []optimize.Distribution{e.Objective, e.MaxWeight, e.MinWeight, e.CutEdges}
	units := []string{msg(lang, "search.obj."+res.Kind), unitWord(res.Unit, lang), unitWord(res.Unit, lang), msg(lang, "ens.unit.links")}
	for i, d := range dists {
		name := msg(lang, "search.obj."+res.Kind)
		if statisticKeys[i] != "" {
			name = msg(lang, statisticKeys[i])
		}
		sd := e.Diagnostics.Statistics[i]
		v.Rows = append(v.Rows, ensembleRow{Name: name, RHat: nf.Decimal(sd.RHat, 3), ESS: nf.Decimal(sd.ESS, 0), OK: sd.Converged})
		decimals := dec
		if i == 0 || i == 3 {
			decimals = 0
		}
		if d.Min == d.Max {
			v.Constant = append(v.Constant, sprintf(msg(lang, "ens.constant"), name, nf.Decimal(d.Min, decimals), units[i]))
			continue
		}
		var marks []chart.Reference
		if len(e.StartStatistics) == len(dists) {
			marks = []chart.Reference{{Label: msg(lang, "ens.mark"), Value: e.StartStatistics[i]}}
		}
		var b bytes.Buffer
		err := chart.Histogram(&b, chart.HistogramChart{Title: name, Unit: units[i], Of: msg(lang, "ens.plans"), Lo: d.Min, Hi: d.Max, Counts: d.Histogram,
			Marks: marks, Source: source, Lang: lang, ID: fmt.Sprintf("ens-hist-%d", i), Width: 460, Height: 260,
			Format: func(x float64) string { return nf.Decimal(x, decimals) }})
		if err != nil {
			return nil, err
		}
		v.Charts = append(v.Charts, template.HTML(b.String())) // produced by chart, escaped there
	}
	return v, nil
}
