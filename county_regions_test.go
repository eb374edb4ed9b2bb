package generalist

import (
	"reflect"
	"testing"
)

func TestHostGroups(t *testing.T) {
	ms := func(s ...MunicipalityNumber) []MunicipalityNumber { return s }
	host := func(task string, h MunicipalityNumber, m ...MunicipalityNumber) Arrangement {
		return Arrangement{Task: task, Form: FormHostAdmin, Members: m, Host: h}
	}
	cases := []struct {
		name string
		arr  []Arrangement
		want []HostGroup
		ok   bool
	}{
		{"none", nil, nil, true},
		{"one region, two tasks, members in another order", []Arrangement{
			host("barnevern", "1103", "1103", "1127", "1130"),
			host("ppt", "1103", "1130", "1103", "1127"),
		}, []HostGroup{{"1103", ms("1103", "1127", "1130")}}, true},
		{"two regions; other forms and single members left out", []Arrangement{
			host("barnevern", "4204", "4223", "4204"),
			{Task: "ppt", Form: FormIKS, Members: ms("1111", "1112")},
			host("legevakt", "", "1151"),
			{Task: "legevakt", Form: FormHostBoard, Members: ms("1112", "1111"), Host: "9999"},
		}, []HostGroup{{"4204", ms("4204", "4223")}, {"1112", ms("1111", "1112")}}, true},
		{"overlapping groups are no regions", []Arrangement{
			host("barnevern", "1103", "1103", "1127"),
			host("ppt", "1103", "1103", "1130"),
		}, nil, false},
	}
	for _, c := range cases {
		got, ok := (&Scenario{Arrangements: c.arr}).HostGroups()
		if ok != c.ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v %v, want %v %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
