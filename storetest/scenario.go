package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"generalist"
	"generalist/refdata"
)

func testParamChanges(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	db.Now = func() time.Time { return time.Date(2026, 11, 26, 12, 30, 0, 0, time.UTC) }
	cat, err := refdata.EmbeddedTasks()
	if err != nil {
		t.Fatal(err)
	}
	v := 7.0
	c := &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Value: &v, Note: "Fagmiljø på sju, etter egen vurdering", Author: "Analytiker"}
	if err := db.RecordParamChange(ctx, cat, c); err != nil {
		t.Fatal(err)
	}
	if c.ID != 1 || !c.At.Equal(db.Now()) {
		t.Errorf("recorded change: id %d at %v", c.ID, c.At)
	}
	reset := &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Author: "Analytiker"}
	if err := db.RecordParamChange(ctx, cat, reset); err != nil {
		t.Fatal(err)
	}
	bad := &generalist.ParamChange{Task: "nosuch", Field: generalist.FieldMinTeam, Value: &v, Note: "x", Author: "a"}
	if err := db.RecordParamChange(ctx, cat, bad); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("RecordParamChange(unknown task) = %v, want EINVALID", err)
	}
	got, err := db.ParamChanges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != 1 || got[1].ID != 2 || *got[0].Value != 7 || got[1].Value != nil || !got[0].At.Equal(db.Now()) ||
		got[0].Note != c.Note || got[0].Author != "Analytiker" {
		t.Fatalf("ParamChanges = %+v", got)
	}
	applied, err := generalist.ApplyChanges(cat, got[:1])
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range applied.Tasks {
		if task.ID == "barnevern" && task.Staffing.MinTeam.Value != 7 {
			t.Errorf("applied min_team = %v, want 7", task.Staffing.MinTeam.Value)
		}
	}
}

func testScenarios(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	s := &generalist.Scenario{ID: "test", Name: "Test", Structure: 2024, Year: 2026}
	if err := db.CreateScenario(ctx, s); err != nil || s.Version != 1 || !s.CreatedAt.Equal(now) || !s.UpdatedAt.Equal(now) {
		t.Fatalf("Create = %v, version %d, %v %v", err, s.Version, s.CreatedAt, s.UpdatedAt)
	}
	for _, tt := range []struct {
		s    *generalist.Scenario
		code string
		msg  string
	}{
		{&generalist.Scenario{ID: "test", Name: "Again"}, generalist.ECONFLICT, "a scenario with id test exists already"},
		{&generalist.Scenario{ID: "Bad Id", Name: "x"}, generalist.EINVALID, `scenario id "Bad Id": use 1–64 lower-case letters, digits, - and _`},
		{&generalist.Scenario{ID: "noname"}, generalist.EINVALID, "scenario noname: a name is required"},
	} {
		if err := db.CreateScenario(ctx, tt.s); generalist.ErrorCode(err) != tt.code || generalist.ErrorMessage(err) != tt.msg {
			t.Errorf("CreateScenario(%q) = %v (%s), want %s %q", tt.s.ID, err, generalist.ErrorCode(err), tt.code, tt.msg)
		}
	}
	// Two editors read version 1; the first save wins, the second is
	// refused and changes nothing.
	a, _ := db.Scenario(ctx, "test")
	b, _ := db.Scenario(ctx, "test")
	a.Name = "Editor A"
	b.Name = "Editor B"
	now = now.Add(time.Hour)
	if err := db.UpdateScenario(ctx, a); err != nil || a.Version != 2 || !a.UpdatedAt.Equal(now) {
		t.Fatalf("Update(a) = %v, version %d", err, a.Version)
	}
	err := db.UpdateScenario(ctx, b)
	if generalist.ErrorCode(err) != generalist.ECONFLICT || generalist.ErrorMessage(err) !=
		"scenario test was saved by someone else in between (version 2, you read version 1); reload it and make your change again" {
		t.Errorf("Update(stale) = %v, want ECONFLICT", err)
	}
	if b.Version != 1 {
		t.Errorf("a refused update changed the version to %d", b.Version)
	}
	got, err := db.Scenario(ctx, "test")
	if err != nil || got.Name != "Editor A" || got.Version != 2 || !got.CreatedAt.Equal(now.Add(-time.Hour)) || !got.UpdatedAt.Equal(now) {
		t.Errorf("after the conflict: %+v, %v", got, err)
	}
	unknown := &generalist.Scenario{ID: "nosuch", Name: "x", Version: 1}
	if err := db.UpdateScenario(ctx, unknown); generalist.ErrorCode(err) != generalist.ENOTFOUND || generalist.ErrorMessage(err) != "no scenario nosuch" {
		t.Errorf("Update(unknown) = %v, want ENOTFOUND", err)
	}
	if list, err := db.Scenarios(ctx); err != nil || len(list) != 1 || list[0].Version != 2 || list[0].Name != "Editor A" {
		t.Errorf("Scenarios = %v, %v", list, err)
	}
	if err := db.DeleteScenario(ctx, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Scenario(ctx, "test"); generalist.ErrorCode(err) != generalist.ENOTFOUND || generalist.ErrorMessage(err) != "no scenario test" {
		t.Errorf("after delete: %v", err)
	}
	if err := db.DeleteScenario(ctx, "test"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("delete again: %v", err)
	}
	// The id is free again.
	if err := db.CreateScenario(ctx, &generalist.Scenario{ID: "test", Name: "New"}); err != nil {
		t.Errorf("re-create after delete: %v", err)
	}
}

// testScenarioOrder lists scenarios by id in byte order, whatever the
// database's collation: '-' < '0' < '_' < 'a'.
func testScenarioOrder(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	for _, id := range []string{"ab", "a_b", "a0", "a-b", "aa"} {
		if err := db.CreateScenario(ctx, &generalist.Scenario{ID: id, Name: strings.ToUpper(id)}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := db.Scenarios(ctx)
	checkOrder(t, "Scenarios() ids", list, err, func(s *generalist.Scenario) string { return s.ID }, "a-b a0 a_b aa ab")
}

// checkOrder checks that the list call returned, with err, has the keys
// want, separated by spaces, in that order.
func checkOrder[T any](t *testing.T, call string, list []T, err error, key func(T) string, want string) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, x := range list {
		keys = append(keys, key(x))
	}
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("%s = %s, want %s", call, got, want)
	}
}

// testScenarioConcurrentUpdate saves one version of a scenario from
// several writers at once: exactly one wins, the others get ECONFLICT and
// change nothing.
func testScenarioConcurrentUpdate(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	if err := db.CreateScenario(ctx, &generalist.Scenario{ID: "shared", Name: "Felles"}); err != nil {
		t.Fatal(err)
	}
	read, err := db.Scenario(ctx, "shared")
	if err != nil {
		t.Fatal(err)
	}
	for _, writers := range []int{2, 8} {
		names := make([]string, writers)
		errs := concurrently(writers, func(i int) error {
			c := *read
			c.Name = fmt.Sprintf("Skriver %d", i)
			err := db.UpdateScenario(ctx, &c)
			names[i] = c.Name
			return err
		})
		if ok := countOK(t, errs, generalist.ECONFLICT); ok != 1 {
			t.Fatalf("%d of %d concurrent saves of version %d succeeded, want 1", ok, writers, read.Version)
		}
		got, err := db.Scenario(ctx, "shared")
		if err != nil || got.Version != read.Version+1 {
			t.Fatalf("after concurrent saves: %+v, %v; want version %d", got, err, read.Version+1)
		}
		for i, err := range errs {
			if err == nil && got.Name != names[i] {
				t.Errorf("stored name %q, but writer %d (%q) won", got.Name, i, names[i])
			}
		}
		read = got
	}
}

// testScenarioConcurrentCreate creates one id from several writers at
// once: exactly one succeeds and one scenario is stored.
func testScenarioConcurrentCreate(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	const writers = 8
	errs := concurrently(writers, func(i int) error {
		return db.CreateScenario(ctx, &generalist.Scenario{ID: "once", Name: fmt.Sprintf("Skriver %d", i)})
	})
	if ok := countOK(t, errs, generalist.ECONFLICT); ok != 1 {
		t.Errorf("%d of %d concurrent creates of one id succeeded, want 1", ok, writers)
	}
	if list, err := db.Scenarios(ctx); err != nil || len(list) != 1 {
		t.Errorf("Scenarios = %d, %v; want 1", len(list), err)
	}
}
