package roundrobin

import "time"

// Member is one record in a round-robin group.
type Member struct {
	Index      int     `json:"-"`          // index into the records given to Find
	ID         string  `json:"id"`         // the record's ID
	Body       string  `json:"body"`       // answering body
	Similarity float64 `json:"similarity"` // to the group's canonical question, in [0, 1]
	Source     string  `json:"source"`     // why it joined: "exact", "near", "grouped-uin"
	// AnsweredWith lists the IDs of the other records given to Find that the
	// same body answered together with this one (from Record.GroupedUINs),
	// whether or not they are in the group: one answer serves them all.
	AnsweredWith []string `json:"answered_with,omitempty"`
}

// Group is a set of records answering the same question, asked by one
// member of several bodies within a window of days.
type Group struct {
	ID        string    `json:"id"` // deterministic, e.g. "rr-0001" in order of Find's output
	Asker     string    `json:"asker"`
	Canonical string    `json:"canonical"` // the neutralised question text most members share
	Members   []Member  `json:"members"`   // ordered by body, then ID
	First     time.Time `json:"first"`     // earliest GroupingDate: tabling date, or answer date where the source gives none
	Last      time.Time `json:"last"`
}

// Bodies returns the number of distinct bodies in the group.
func (g *Group) Bodies() int {
	seen := map[string]bool{}
	for _, m := range g.Members {
		seen[m.Body] = true
	}
	return len(seen)
}

// Campaign links groups (or single records) with the same neutralised
// question text from different askers. Campaigns are reported, not merged.
type Campaign struct {
	Canonical string   `json:"canonical"`
	Askers    []string `json:"askers"`
	Groups    []string `json:"groups"`  // group IDs
	Records   []string `json:"records"` // record IDs not in any group
}
