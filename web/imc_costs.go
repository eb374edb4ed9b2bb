package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"generalist"
	"generalist/app"
	"generalist/imc"
)

// Cost sharing and exit of a cooperation: the query both the API and the
// pages read (total, keys, year, usage; participant and notice date), and
// the pages that show the answers. The calculations are the App's
// (ShareCosts, Exits).

// costRequest reads a cost calculation from the query: total (kroner),
// key (repeatable, default the agreement's and the common ones), year,
// and usage as usage_NUMBER=VOLUME or usage=NUMBER:VOLUME.
type costRequest struct {
	Total     generalist.Ore
	HasTotal  bool
	TotalText string
	Keys      []generalist.CostKey
	KeyText   string
	Year      int
	Usage     map[string]float64
	UsageText map[string]string
	// FromBudget is set when the total is the cooperation's budget, the
	// query giving none.
	FromBudget bool
}

// costRequestOf reads the cost request of the query for c; without a
// total it shares the cooperation's budget, if it has one.
func costRequestOf(q url.Values, c *generalist.IMC) (*costRequest, error) {
	cr, err := parseCostRequest(q, c)
	if err == nil && !cr.HasTotal && c.Budget > 0 {
		cr.Total, cr.HasTotal, cr.TotalText, cr.FromBudget = c.Budget, true, c.Budget.Text(), true
	}
	return cr, err
}

// shareCosts shares the cost of cr between the participants of c (by the
// App's ShareCosts) and returns the year of the inhabitants used.
func (s *Server) shareCosts(r *http.Request, c *generalist.IMC, cr *costRequest) (*imc.Comparison, int, error) {
	return s.app.ShareCosts(r.Context(), c, app.CostRequest{Total: cr.Total, Keys: cr.Keys, Usage: cr.Usage, Year: cr.Year})
}

// exits reads the exit request of the query (participant, date, boundary
// change) for c and answers it (app.Exits).
func (s *Server) exits(q url.Values, c *generalist.IMC) (imc.ExitRequest, []*imc.ExitAnswer, error) {
	req, err := exitRequest(q, c, s.today())
	if err != nil {
		return req, nil, err
	}
	as, err := app.Exits(c, req)
	return req, as, err
}

func parseCostRequest(q url.Values, c *generalist.IMC) (*costRequest, error) {
	cr := &costRequest{Usage: map[string]float64{}, UsageText: map[string]string{}, TotalText: q.Get("total")}
	if t := strings.TrimSpace(cr.TotalText); t != "" {
		v, err := generalist.ParseOre(t)
		if err != nil {
			return cr, generalist.Errorf(generalist.EINVALID, "query parameter total: %s", generalist.ErrorMessage(err))
		}
		cr.Total, cr.HasTotal = v, true
	}
	var texts []string
	for _, k := range q["key"] {
		for _, line := range strings.Split(k, "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			key, err := generalist.ParseCostKey(line)
			if err != nil {
				return cr, generalist.Errorf(generalist.EINVALID, "query parameter key: %s", generalist.ErrorMessage(err))
			}
			cr.Keys = append(cr.Keys, key)
			texts = append(texts, key.String())
		}
	}
	if len(cr.Keys) > 8 {
		return cr, generalist.Errorf(generalist.EINVALID, "query parameter key: at most 8 keys")
	}
	if len(cr.Keys) == 0 {
		cr.Keys = imc.DefaultKeys(c)
		for _, k := range cr.Keys {
			texts = append(texts, k.String())
		}
	}
	cr.KeyText = strings.Join(texts, "\n")
	if y := strings.TrimSpace(q.Get("year")); y != "" {
		v, err := strconv.Atoi(y)
		if err != nil {
			return cr, generalist.Errorf(generalist.EINVALID, "query parameter year %q is not a year", y)
		}
		cr.Year = v
	}
	set := func(num, vol string) error {
		if c.Participant(num) == nil {
			return generalist.Errorf(generalist.EINVALID, "usage: %s is not a participant", num)
		}
		if strings.TrimSpace(vol) == "" {
			return nil
		}
		v, err := generalist.ParseUsage(vol)
		if err != nil {
			return err
		}
		cr.Usage[num], cr.UsageText[num] = v, vol
		return nil
	}
	for _, u := range q["usage"] {
		num, vol, ok := strings.Cut(u, ":")
		if !ok {
			return cr, generalist.Errorf(generalist.EINVALID, "query parameter usage %q: write NUMBER:VOLUME", u)
		}
		if err := set(num, vol); err != nil {
			return cr, err
		}
	}
	for k, v := range q {
		if num, ok := strings.CutPrefix(k, "usage_"); ok && len(v) > 0 {
			if err := set(num, v[0]); err != nil {
				return cr, err
			}
		}
	}
	return cr, nil
}

func exitRequest(q url.Values, c *generalist.IMC, today generalist.CalendarDate) (imc.ExitRequest, error) {
	req := imc.ExitRequest{Participant: strings.TrimSpace(q.Get("participant"))}
	var err error
	if req.Notice, err = dateParam(q, "date", today); err != nil {
		return req, err
	}
	if c.End != "" && req.Notice > c.End && q.Get("date") == "" {
		req.Notice = c.End
	}
	if req.Notice < c.Start && q.Get("date") == "" {
		req.Notice = c.Start
	}
	if req.BoundaryChange, err = dateParam(q, "boundary_change", ""); err != nil {
		return req, err
	}
	return req, nil
}

type imcCostsData struct {
	Req        *costRequest
	Table      *costTable
	Year       int
	Years      []int
	Usage      bool
	Error      string
	Names      map[string]string
	Numbers    []string
	BudgetNote string
}

func (s *Server) handleIMCCosts(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	d := imcCostsData{Names: map[string]string{}}
	for _, p := range c.Participants {
		d.Numbers = append(d.Numbers, p.Number)
		d.Names[p.Number] = p.Label()
	}
	if d.Years, err = s.store.PopulationYears(r.Context(), generalist.Structure2024); err != nil {
		return err
	}
	status := http.StatusOK
	d.Req, err = costRequestOf(r.URL.Query(), c)
	if err == nil && d.Req.FromBudget {
		d.BudgetNote = fmt.Sprint(c.BudgetYear)
	}
	for _, k := range d.Req.Keys {
		d.Usage = d.Usage || k.Has(generalist.BasisUsage)
	}
	if err == nil && d.Req.HasTotal {
		var cmp *imc.Comparison
		if cmp, d.Year, err = s.shareCosts(r, c, d.Req); err == nil {
			d.Table = costTableOf(cmp, d.Names)
		}
	}
	if err != nil {
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			return err
		}
		d.Error, status = generalist.ErrorMessage(err), http.StatusBadRequest
	}
	s.imcRender(w, r, status, "imc_costs.tmpl", c.Name, imcPage{C: c, Tab: "costs", Data: d})
	return nil
}

// costTable is a comparison laid out for the page: a row per
// participant, a column per key.
type costTable struct {
	Total  string
	Keys   []string
	Rows   []costRow
	Totals []string
}

type costRow struct {
	Label       string
	Inhabitants generalist.Persons
	Cells       []costCell
}

type costCell struct {
	Amount  string
	Percent float64
}

func costTableOf(cmp *imc.Comparison, names map[string]string) *costTable {
	t := &costTable{Total: cmp.Total.String()}
	for _, a := range cmp.Allocations {
		t.Keys = append(t.Keys, a.Key)
		t.Totals = append(t.Totals, a.Total.Text())
	}
	if len(cmp.Allocations) == 0 {
		return t
	}
	for i, r := range cmp.Allocations[0].Rows {
		row := costRow{Label: names[r.Number]}
		if row.Label == "" {
			row.Label = r.Number
		}
		for _, a := range cmp.Allocations {
			row.Cells = append(row.Cells, costCell{Amount: a.Rows[i].Amount.Text(), Percent: a.Rows[i].Fraction * 100})
			if a.Rows[i].Inhabitants > 0 {
				row.Inhabitants = a.Rows[i].Inhabitants
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

type imcExitData struct {
	Req     imc.ExitRequest
	Exits   []*imc.ExitAnswer
	Error   string
	Chosen  string
	Date    string
	Changed string
}

func (s *Server) handleIMCExit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d := imcExitData{Chosen: q.Get("participant"), Date: q.Get("date"), Changed: q.Get("boundary_change")}
	status := http.StatusOK
	d.Req, d.Exits, err = s.exits(q, c)
	if err != nil {
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			return err
		}
		d.Error, status = generalist.ErrorMessage(err), http.StatusBadRequest
	}
	s.imcRender(w, r, status, "imc_exit.tmpl", c.Name, imcPage{C: c, Tab: "exit", Data: d})
	return nil
}
