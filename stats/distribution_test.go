package stats

import (
	"reflect"
	"testing"

	"generalist"
)

func TestSummarize(t *testing.T) {
	u := func(num string, v generalist.Persons) Unit {
		return Unit{Number: num, Name: "k" + num, Value: v, Known: true}
	}
	for _, tt := range []struct {
		name  string
		units []Unit
		under generalist.Persons
		want  Distribution
	}{
		{"Odd", []Unit{u("0003", 10000), u("0001", 300), u("0002", 4999)}, 0, Distribution{
			Municipalities: 3, WithData: 3, Inhabitants: 15299, Mean: 15299.0 / 3, Median: 4999,
			Largest: Extreme{"0003", "k0003", 10000}, Smallest: Extreme{"0001", "k0001", 300},
			Under: Under{5000, 2},
		}},
		{"EvenMedianAndThreshold", []Unit{u("0001", 5000), u("0002", 10), u("0003", 20), u("0004", 5001)}, 20, Distribution{
			Municipalities: 4, WithData: 4, Inhabitants: 10031, Mean: 10031.0 / 4, Median: 2510,
			Largest: Extreme{"0004", "k0004", 5001}, Smallest: Extreme{"0002", "k0002", 10},
			Under: Under{20, 1},
		}},
		{"TiesGoToLowestNumber", []Unit{u("0009", 7), u("0002", 7), u("0005", 1), u("0001", 1)}, 0, Distribution{
			Municipalities: 4, WithData: 4, Inhabitants: 16, Mean: 4, Median: 4,
			Largest: Extreme{"0002", "k0002", 7}, Smallest: Extreme{"0001", "k0001", 1},
			Under: Under{5000, 4},
		}},
		{"Missing", []Unit{u("0001", 100), {Number: "0002", Name: "k0002", Note: "delt"}, u("0003", 300)}, 0, Distribution{
			Municipalities: 3, WithData: 2, Inhabitants: 400, Mean: 200, Median: 200,
			Largest: Extreme{"0003", "k0003", 300}, Smallest: Extreme{"0001", "k0001", 100},
			Under: Under{5000, 2}, Missing: []Gap{{"0002", "k0002", "delt"}},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Summarize(tt.units, tt.under)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Summarize = %+v, want %+v", got, tt.want)
			}
		})
	}
	if _, err := Summarize([]Unit{{Number: "0001"}}, 0); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Summarize(no data) error = %v, want EINVALID", err)
	}
}
