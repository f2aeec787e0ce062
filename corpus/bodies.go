package corpus

// Body is a canonical answering body.
type Body struct {
	Name    string   // canonical name, e.g. "Department for Transport"
	APIID   int      // the Written Questions API's answeringBodyId, 0 if none
	Aliases []string // other names it goes by across eras and sources
}

// Registry maps the many names of answering bodies to canonical bodies.
// The zero value knows no bodies; DefaultRegistry returns the built-in one.
type Registry struct {
	bodies []Body
}

// DefaultRegistry returns the built-in registry of UK answering bodies.
// (Placeholder until the registry lands: it knows no bodies.)
func DefaultRegistry() *Registry { return &Registry{} }

// Lookup returns the canonical body for a name as any source spells it.
func (r *Registry) Lookup(name string) (Body, bool) { return Body{}, false }

// LookupAPIID returns the canonical body for an API answeringBodyId.
func (r *Registry) LookupAPIID(id int) (Body, bool) { return Body{}, false }

// FromAddressee infers the answering body from a question's opening
// addressee, e.g. "To ask the Secretary of State for Transport, …".
func (r *Registry) FromAddressee(question string) (Body, bool) { return Body{}, false }
