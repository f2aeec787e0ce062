package corpus

import (
	"testing"
	"time"
)

func TestNameOnShowsTheNameInUse(t *testing.T) {
	reg := DefaultRegistry()
	const mhclg = "Ministry of Housing, Communities and Local Government"
	d := func(s string) time.Time {
		t, err := time.Parse(DateLayout, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	for _, c := range []struct {
		body, date, want string
	}{
		{mhclg, "2009-10-14", "Department for Communities and Local Government"},
		{mhclg, "2018-01-08", mhclg},
		{mhclg, "2023-05-02", "Department for Levelling Up, Housing and Communities"},
		{mhclg, "2024-07-07", "Department for Levelling Up, Housing and Communities"},
		{mhclg, "2024-07-08", mhclg},
		{"Department of Health and Social Care", "2009-10-14", "Department of Health"},
		{"Department for Culture, Media and Sport", "2020-03-01", "Department for Digital, Culture, Media and Sport"},
		{"Department for Culture, Media and Sport", "2024-03-01", "Department for Culture, Media and Sport"},
		{"HM Treasury", "2009-10-14", "HM Treasury"},
		{"Some Unknown Body", "2009-10-14", "Some Unknown Body"},
	} {
		if got := reg.NameOn(c.body, d(c.date)); got != c.want {
			t.Errorf("NameOn(%q, %s) = %q, want %q", c.body, c.date, got, c.want)
		}
	}
	if got := reg.NameOn(mhclg, time.Time{}); got != mhclg {
		t.Errorf("undated: got %q, want the canonical name", got)
	}
}

// Every dated name must be a name the registry resolves to the same body,
// in date order.
func TestDatedNamesResolveToTheirBody(t *testing.T) {
	reg := DefaultRegistry()
	for _, b := range reg.Bodies() {
		for i, n := range b.Names {
			if got, ok := reg.Lookup(n.Name); !ok || got.Name != b.Name {
				t.Errorf("%s: dated name %q resolves to %q", b.Name, n.Name, got.Name)
			}
			if i > 0 && !b.Names[i-1].From.Before(n.From) {
				t.Errorf("%s: dated names out of order at %q", b.Name, n.Name)
			}
		}
	}
}
