package optimize

import "testing"

// TestDiagnosticsConstantFloat: a statistic that never changes counts as
// converged (R-hat 1, ESS the number of draws), also when its value is
// not exact in binary (the heaviest group of a task-weighted ensemble,
// 30.4542 FTEs), where the formulas would see the rounding noise of the
// mean as variation.
func TestDiagnosticsConstantFloat(t *testing.T) {
	series := make([][]float64, 4)
	for c := range series {
		series[c] = make([]float64, 500)
		for i := range series[c] {
			series[c][i] = 30.4542
		}
	}
	d := diagnose([]string{"max_weight"}, [][][]float64{series}, []int{500, 500, 500, 500}, []int{490, 490, 490, 490})
	sd := d.Statistics[0]
	if !sd.Constant || sd.RHat != 1 || sd.ESS != 2000 || !sd.Converged || d.TooShort {
		t.Errorf("constant statistic: %+v, too short %v; want constant, R-hat 1, ESS 2000, converged", sd, d.TooShort)
	}
}
