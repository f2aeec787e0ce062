package corpus

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Body is a canonical answering body.
//
// A Body is one continuous department or office. Bodies that were renamed
// without being split or merged with another (DCLG → MHCLG → DLUHC → MHCLG,
// Department of Health → DHSC, DCMS → DDCMS → DCMS) are one Body with the
// older names as aliases; bodies that were created by merging or splitting
// others (FCO + DFID → FCDO, DCSF → DfE, DECC → BEIS → DESNZ, BIS → BEIS →
// DBT) are distinct Bodies, because counting them together would be a claim
// about continuity that the machinery of government does not support.
type Body struct {
	Name    string   // canonical name, e.g. "Department for Transport"
	APIID   int      // the Written Questions API's answeringBodyId, 0 if none
	Aliases []string // other names it goes by across eras and sources

	// OtherAPIIDs are further answeringBodyIds the API has used for the
	// same body (e.g. 211 for "Department for Levelling Up, Housing and
	// Communities", which is the Ministry of Housing, Communities and Local
	// Government under its 2021–2024 name). Added by the registry's owner.
	OtherAPIIDs []int
	// Addressees are forms of address by which questions are put to the
	// body, beyond those derived from its names ("Secretary of State for
	// <name>", "Minister for <name>", …), e.g. "Chancellor of the Exchequer"
	// for HM Treasury. Added by the registry's owner.
	Addressees []string

	// Names are the names the body has gone by, each with the date it
	// took effect, earliest first; empty for a body never renamed. Counting
	// keeps one Body across renames, but an answer is shown under the name
	// in use on its date (NameOn).
	Names []DatedName
}

// DatedName is a name a body took on a date (the machinery-of-government
// change that renamed it).
type DatedName struct {
	Name string
	From time.Time // first day in use
}

// NameOn returns the name the body went by on day d: the last of Names
// whose From is on or before d, else Name (for an undated answer, a date
// before the first rename, or a body never renamed).
func (b Body) NameOn(d time.Time) string {
	name := b.Name
	if d.IsZero() {
		return name
	}
	for _, n := range b.Names {
		if n.From.After(d) {
			break
		}
		name = n.Name
	}
	return name
}

// Registry maps the many names of answering bodies to canonical bodies.
// The zero value knows no bodies; DefaultRegistry returns the built-in one.
//
// Matching is on a normal form of a name: lower case, "&" read as "and",
// apostrophes dropped, every other run of punctuation or space read as one
// space, and a leading "the" ignored. Besides a body's Name and Aliases, the
// forms without a leading "Department for", "Department of" or "Ministry of"
// are matched too ("TRANSPORT", "Justice"), unless two bodies would share
// such a derived form, in which case it is left out as ambiguous.
//
// A Registry is not changed after NewRegistry returns, so it is safe for
// concurrent use.
type Registry struct {
	bodies    []Body
	names     map[string]int // normal form of a name → index in bodies
	addressee map[string]int // normal form of an explicit addressee → index
	apiIDs    map[int]int    // answeringBodyId → index
	maxWords  int            // longest key in words, bounds prefix matching
}

// NewRegistry returns a registry of the given bodies. Where two bodies claim
// the same name, alias, addressee or API ID, the later one in the slice
// wins, so a user can extend or correct the default registry with
//
//	corpus.NewRegistry(append(corpus.DefaultRegistry().Bodies(), myBodies...))
func NewRegistry(bodies []Body) *Registry {
	r := &Registry{
		names:     make(map[string]int),
		addressee: make(map[string]int),
		apiIDs:    make(map[int]int),
	}
	r.bodies = make([]Body, len(bodies))
	for i, b := range bodies {
		r.bodies[i] = cloneBody(b)
	}
	// Derived forms first, so that explicit names override them.
	derived := map[string]int{}
	ambiguous := map[string]bool{}
	for i, b := range r.bodies {
		for _, n := range b.names() {
			d := stripDeptPrefix(normName(n))
			if d == normName(n) || d == "" {
				continue
			}
			if j, ok := derived[d]; ok && j != i {
				ambiguous[d] = true
			}
			derived[d] = i
		}
	}
	for d, i := range derived {
		if !ambiguous[d] {
			r.setName(d, i)
		}
	}
	for i, b := range r.bodies {
		for _, n := range b.names() {
			if k := normName(n); k != "" {
				r.setName(k, i)
			}
		}
		for _, a := range b.Addressees {
			if k := normName(a); k != "" {
				r.addressee[k] = i
				r.noteWords(k)
			}
		}
		if b.APIID != 0 {
			r.apiIDs[b.APIID] = i
		}
		for _, id := range b.OtherAPIIDs {
			r.apiIDs[id] = i
		}
	}
	return r
}

func (r *Registry) setName(k string, i int) {
	r.names[k] = i
	r.noteWords(k)
}

func (r *Registry) noteWords(k string) {
	if n := strings.Count(k, " ") + 1; n > r.maxWords {
		r.maxWords = n
	}
}

func cloneBody(b Body) Body {
	b.Aliases = append([]string(nil), b.Aliases...)
	b.OtherAPIIDs = append([]int(nil), b.OtherAPIIDs...)
	b.Addressees = append([]string(nil), b.Addressees...)
	b.Names = append([]DatedName(nil), b.Names...)
	return b
}

func (b Body) names() []string { return append([]string{b.Name}, b.Aliases...) }

// Bodies returns the registry's bodies sorted by Name. The slices in each
// Body are copies: changing them does not change the registry.
func (r *Registry) Bodies() []Body {
	out := make([]Body, len(r.bodies))
	for i, b := range r.bodies {
		out[i] = cloneBody(b)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup returns the canonical body for a name as any source spells it:
// "TREASURY", "the HM Treasury", "Levelling Up, Housing & Communities",
// "Department for Levelling Up, Housing and Communities" and "Ministry of
// Housing, Communities and Local Government" all resolve. It returns false
// for a name it does not know; the caller keeps the name as given.
func (r *Registry) Lookup(name string) (Body, bool) {
	if r == nil || r.names == nil {
		return Body{}, false
	}
	k := normName(name)
	if i, ok := r.names[k]; ok {
		return cloneBody(r.bodies[i]), true
	}
	if d := stripDeptPrefix(k); d != k {
		if i, ok := r.names[d]; ok {
			return cloneBody(r.bodies[i]), true
		}
	}
	return Body{}, false
}

// NameOn returns the name in use on day d of the body whose canonical name
// is canonical (see Body.NameOn); a name the registry does not know is
// returned as given.
func (r *Registry) NameOn(canonical string, d time.Time) string {
	if b, ok := r.Lookup(canonical); ok && b.Name == canonical {
		return b.NameOn(d)
	}
	return canonical
}

// LookupAPIID returns the canonical body for an API answeringBodyId.
func (r *Registry) LookupAPIID(id int) (Body, bool) {
	if r == nil || r.apiIDs == nil {
		return Body{}, false
	}
	if i, ok := r.apiIDs[id]; ok {
		return cloneBody(r.bodies[i]), true
	}
	return Body{}, false
}

// addresseeTitles are the ministerial titles that precede a body's name in
// a question's addressee, longest first so that "Minister of State for"
// is tried before "Minister of State".
var addresseeTitles = []string{
	"secretary of state for",
	"secretary of state",
	"minister of state for",
	"minister of state",
	"minister for",
	"minister of",
}

// FromAddressee infers the answering body from a question's opening
// addressee, e.g. "To ask the Secretary of State for Transport, …".
//
// It understands, in this order:
//   - "To ask the hon. Member for X, representing the Church Commissioners"
//     (any "… representing the <body>");
//   - a body's explicit Addressees ("Chancellor of the Exchequer");
//   - a ministerial title followed by a body's name: "Secretary of State for
//     the Home Department", "Minister for the Cabinet Office", "Minister of
//     State, Foreign, Commonwealth and Development Office";
//   - a body's name directly ("To ask the Attorney General", "To ask the
//     Prime Minister").
//
// The longest known name that starts the remainder of the addressee wins,
// and it must end at a word boundary. "To ask His Majesty's Government" (the
// Lords form) names no body and gives false, as does any text that does not
// open with "To ask".
func (r *Registry) FromAddressee(question string) (Body, bool) {
	if r == nil || r.names == nil {
		return Body{}, false
	}
	if len(question) > 400 {
		question = question[:400]
	}
	words := trimOpening(normWords(question, r.addresseeWords()))
	if words == nil {
		return Body{}, false
	}
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	// "… Member for X, representing the <body>"
	for i, w := range words {
		if i > 20 || !memberAddressee[words[0]] {
			break
		}
		if w == "representing" {
			rest := words[i+1:]
			if len(rest) > 0 && rest[0] == "the" {
				rest = rest[1:]
			}
			if i, ok := r.longestPrefix(rest, r.names); ok {
				return cloneBody(r.bodies[i]), true
			}
			return Body{}, false
		}
	}
	if i, ok := r.longestPrefix(words, r.addressee); ok {
		return cloneBody(r.bodies[i]), true
	}
	// No title has more than five words: the first five, and the space
	// after them, tell whether one opens the addressee as all the words
	// would.
	joined := strings.Join(words[:min(len(words), 5)], " ") + " "
	for _, t := range addresseeTitles {
		if !strings.HasPrefix(joined, t) || !strings.HasPrefix(joined[len(t):], " ") {
			continue
		}
		rest := words[strings.Count(t, " ")+1:]
		if len(rest) > 0 && rest[0] == "the" {
			rest = rest[1:]
		}
		if i, ok := r.longestPrefix(rest, r.names); ok {
			return cloneBody(r.bodies[i]), true
		}
		// "Secretary of State for the Department of Work and Pensions"
		if d := strings.Fields(stripDeptPrefix(strings.Join(rest, " "))); len(d) < len(rest) {
			if i, ok := r.longestPrefix(d, r.names); ok {
				return cloneBody(r.bodies[i]), true
			}
		}
		return Body{}, false
	}
	if i, ok := r.longestPrefix(words, r.names); ok {
		return cloneBody(r.bodies[i]), true
	}
	return Body{}, false
}

// memberAddressee holds the first words of an addressee that is a Member
// answering for a body ("hon. Member for X, representing the …").
var memberAddressee = map[string]bool{"hon": true, "right": true, "member": true, "honourable": true}

// trimOpening removes "To ask" (or the slips "o ask" and "To" seen in real
// questions) from the normalised words, returning nil if the text does not
// open that way.
func trimOpening(w []string) []string {
	switch {
	case len(w) >= 2 && (w[0] == "to" || w[0] == "o") && w[1] == "ask":
		return w[2:]
	case len(w) >= 2 && w[0] == "to" && w[1] == "the":
		return w[1:]
	}
	return nil
}

// longestPrefix finds the longest run of leading words that is a key of m.
func (r *Registry) longestPrefix(words []string, m map[string]int) (int, bool) {
	n := min(len(words), r.maxWords)
	if n == 0 {
		return 0, false
	}
	// The keys tried, longest first, are prefixes of one string.
	joined := strings.Join(words[:n], " ")
	end := len(joined)
	for j := n; j > 0; j-- {
		if i, ok := m[joined[:end]]; ok {
			return i, true
		}
		end -= len(words[j-1]) + 1
	}
	return 0, false
}

// addresseeWords bounds the words of a question FromAddressee reads: the
// opening "to ask the" (3), at most 21 words before "representing" and one
// "the" after it, or a title (at most 5 words) and "the"; then at most
// maxWords of a name, after a "department for the" (3) that may be
// stripped. Normalising only these (normWords), not the 400 bytes of
// question FromAddressee takes, gives the same answer at a fraction of
// the cost: reading spent a tenth of its time in normName.
func (r *Registry) addresseeWords() int { return 3 + 21 + 1 + 3 + r.maxWords + 1 }

// normWords returns the first limit words (or all, if fewer) of
// strings.Fields(normName(s)), without normalising the rest of s.
func normWords(s string, limit int) []string {
	// As normName, but it stops before a word past limit+1: normName
	// drops a leading "the" word when more follow, so one more is read.
	var buf [256]byte // on the stack: enough for the words read
	b := buf[:0]
	words, space := 0, true
	start := func() bool { // a word starts: false if it is one too many
		if words > limit {
			return false
		}
		words++
		return true
	}
scan:
	for _, c := range s {
		if c < utf8.RuneSelf && ('a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z') {
			// The common case, as the letter-or-digit case below.
			if space && !start() {
				break scan
			}
			if c <= 'Z' && c >= 'A' {
				c += 'a' - 'A'
			}
			b = append(b, byte(c))
			space = false
			continue
		}
		switch {
		case c == '&':
			if !space {
				b = append(b, ' ')
			}
			if !start() {
				break scan
			}
			b = append(b, "and "...)
			space = true
		case c == '\'' || c == '’' || c == '‘' || c == '`':
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			if space && !start() {
				break scan
			}
			b = utf8.AppendRune(b, unicode.ToLower(c))
			space = false
		default:
			if !space {
				b = append(b, ' ')
				space = true
			}
		}
	}
	// b's words are separated by single spaces (it holds no other white
	// space), so cutting it at each is strings.Fields, without its scan.
	w := make([]string, 0, words)
	line, from := string(b), 0
	for i := 0; i < len(line); i++ {
		if line[i] == ' ' {
			if i > from {
				w = append(w, line[from:i])
			}
			from = i + 1
		}
	}
	if from < len(line) {
		w = append(w, line[from:])
	}
	if len(w) > 1 && w[0] == "the" {
		w = w[1:]
	}
	return w[:min(len(w), limit)]
}

// normName returns the normal form used for matching names: lower case,
// "&" → "and", apostrophes removed, other punctuation and spaces collapsed
// to single spaces, leading "the" removed.
func normName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // suppress leading space
	for _, c := range s {
		switch {
		case c == '&':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("and ")
			space = true
		case c == '\'' || c == '’' || c == '‘' || c == '`':
			// "Speaker's" and "Speakers" match
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			b.WriteRune(unicode.ToLower(c))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	out := strings.TrimSuffix(b.String(), " ")
	return strings.TrimPrefix(out, "the ")
}

// stripDeptPrefix removes a leading "department for", "department of" or
// "ministry of" (and a following "the") from a normal-form name.
func stripDeptPrefix(k string) string {
	for _, p := range []string{"department for ", "department of ", "ministry of "} {
		if strings.HasPrefix(k, p) {
			return strings.TrimPrefix(k[len(p):], "the ")
		}
	}
	return k
}

// DefaultRegistry returns the built-in registry of UK answering bodies:
// every body that answered Commons written questions in the API data
// (with its answeringBodyId) and the bodies of earlier eras that
// TheyWorkForYou's Hansard headings name (2009: BIS, DCSF, DECC, DFID,
// FCO, Olympics, …). Each call returns a new Registry.
//
// Choices a researcher should know, because a merge is a claim:
//   - "Ministry of Housing, Communities and Local Government" is canonical
//     for the department that was DCLG (2006–2018), MHCLG (2018–2021),
//     DLUHC (2021–2024) and MHCLG again (from July 2024): one department
//     renamed, and the name the API now uses (answeringBodyId 7; 211 was
//     DLUHC's).
//   - "Department of Health and Social Care" includes the Department of
//     Health (renamed in 2018) and "Department for Culture, Media and Sport"
//     includes the Department for Digital, Culture, Media and Sport
//     (2017–2023), likewise renames.
//   - The Solicitor General's questions are the Attorney General's: both Law
//     Officers answer for the Attorney General's Office, and the API files
//     them under "Attorney General".
//   - "Women and Equality" (the 2009 heading) is "Women and Equalities".
//   - Kept distinct: Foreign and Commonwealth Office and Department for
//     International Development vs the Foreign, Commonwealth and
//     Development Office (a 2020 merger); Department for Children, Schools
//     and Families vs Department for Education (different remits: DCSF had
//     no higher education or skills); Department of Energy and Climate
//     Change, Department for Business, Innovation and Skills, Department for
//     Business, Energy and Industrial Strategy, Department for International
//     Trade vs today's DESNZ, DBT and DSIT (each a re-division of functions).
func DefaultRegistry() *Registry { return NewRegistry(defaultBodies) }

func renamedOn(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var defaultBodies = []Body{
	// Bodies in the API data, with their answeringBodyId.
	{Name: "Home Office", APIID: 1,
		Aliases:    []string{"Home Department", "HO"},
		Addressees: []string{"Home Secretary"}},
	{Name: "Scotland Office", APIID: 2,
		Aliases: []string{"Scotland", "Office of the Secretary of State for Scotland"}},
	{Name: "Ministry of Housing, Communities and Local Government", APIID: 7, OtherAPIIDs: []int{211},
		Aliases: []string{"MHCLG",
			"Department for Levelling Up, Housing and Communities", "DLUHC", "Levelling Up, Housing and Communities",
			"Department for Communities and Local Government", "DCLG", "Communities and Local Government", "CLG"},
		Names: []DatedName{
			{"Department for Communities and Local Government", renamedOn(2006, 5, 5)},
			{"Ministry of Housing, Communities and Local Government", renamedOn(2018, 1, 8)},
			{"Department for Levelling Up, Housing and Communities", renamedOn(2021, 9, 19)},
			{"Ministry of Housing, Communities and Local Government", renamedOn(2024, 7, 8)},
		}},
	{Name: "Church Commissioners", APIID: 9},
	{Name: "Ministry of Defence", APIID: 11, Aliases: []string{"MoD"}},
	{Name: "Department for Environment, Food and Rural Affairs", APIID: 13, Aliases: []string{"Defra"}},
	{Name: "HM Treasury", APIID: 14,
		Aliases: []string{"Treasury", "Her Majesty's Treasury", "His Majesty's Treasury", "HMT"},
		Addressees: []string{"Chancellor of the Exchequer", "Chancellor of Exchequer", "Chancellor the Exchequer",
			"Chancellor for the Exchequer", "Chief Secretary to the Treasury", "Financial Secretary to the Treasury",
			"Economic Secretary to the Treasury", "Exchequer Secretary to the Treasury"}},
	{Name: "Department of Health and Social Care", APIID: 17,
		Aliases: []string{"DHSC", "Health and Social Care", "Department of Health", "Health"},
		Names: []DatedName{
			{"Department of Health", renamedOn(1988, 7, 25)},
			{"Department of Health and Social Care", renamedOn(2018, 1, 8)},
		}},
	{Name: "House of Commons Commission", APIID: 18},
	{Name: "Northern Ireland Office", APIID: 21, Aliases: []string{"Northern Ireland", "NIO"}},
	{Name: "Prime Minister", APIID: 23, Aliases: []string{"Prime Minister's Office"}},
	{Name: "Public Accounts Commission", APIID: 24},
	{Name: "Department for Transport", APIID: 27, Aliases: []string{"DfT"}},
	{Name: "Wales Office", APIID: 28, Aliases: []string{"Wales", "Office of the Secretary of State for Wales"}},
	{Name: "Department for Work and Pensions", APIID: 29, Aliases: []string{"DWP", "Department of Work and Pensions"}},
	{Name: "Women and Equalities", APIID: 31,
		Aliases: []string{"Women and Equality", "Government Equalities Office", "Minister for Women and Equalities"}},
	{Name: "Leader of the House", APIID: 34,
		Aliases: []string{"Leader of the House of Commons", "Office of the Leader of the House of Commons"}},
	{Name: "Speaker's Committee on the Electoral Commission", APIID: 36,
		Aliases: []string{"Electoral Commission Committee"}},
	{Name: "Cabinet Office", APIID: 53,
		Addressees: []string{"Chancellor of the Duchy of Lancaster", "Minister for the Cabinet Office",
			"Minister for Cabinet Office", "Paymaster General and Minister for the Cabinet Office"}},
	{Name: "Ministry of Justice", APIID: 54, Aliases: []string{"MoJ"}},
	{Name: "Department for Education", APIID: 60, Aliases: []string{"DfE"}},
	{Name: "Attorney General", APIID: 88,
		Aliases: []string{"Attorney General's Office", "Solicitor General", "Law Officers", "Law Officers' Departments"}},
	{Name: "Speaker's Committee for the Independent Parliamentary Standards Authority", APIID: 90},
	{Name: "Members Estimate Committee", APIID: 91},
	{Name: "Foreign, Commonwealth and Development Office", APIID: 208,
		Aliases:    []string{"FCDO", "Foreign, Commonwealth and Development Affairs"},
		Addressees: []string{"Deputy Foreign Secretary"}},
	{Name: "Restoration and Renewal Client Board", APIID: 213},
	{Name: "Department for Business and Trade", APIID: 214, Aliases: []string{"DBT"}},
	{Name: "Department for Energy Security and Net Zero", APIID: 215, Aliases: []string{"DESNZ"}},
	{Name: "Department for Science, Innovation and Technology", APIID: 216, Aliases: []string{"DSIT"}},
	{Name: "Department for Culture, Media and Sport", APIID: 217,
		Aliases: []string{"DCMS", "Department for Digital, Culture, Media and Sport", "DDCMS"},
		Names: []DatedName{
			{"Department for Culture, Media and Sport", renamedOn(1997, 7, 14)},
			{"Department for Digital, Culture, Media and Sport", renamedOn(2017, 7, 3)},
			{"Department for Culture, Media and Sport", renamedOn(2023, 2, 7)},
		},
		Addressees: []string{"Secretary of State for Culture, Olympics, Media and Sport"}},

	// Bodies of earlier eras (no answeringBodyId in the data), kept distinct
	// from their successors; see DefaultRegistry.
	{Name: "Foreign and Commonwealth Office", Aliases: []string{"FCO", "Foreign and Commonwealth Affairs"}},
	{Name: "Department for International Development", Aliases: []string{"DFID"}},
	{Name: "Department for Children, Schools and Families", Aliases: []string{"DCSF"}},
	{Name: "Department for Business, Innovation and Skills", Aliases: []string{"BIS"}},
	{Name: "Department of Energy and Climate Change", Aliases: []string{"DECC"}},
	{Name: "Department for Business, Energy and Industrial Strategy", Aliases: []string{"BEIS"}},
	{Name: "Department for International Trade", Aliases: []string{"DIT"}},
	{Name: "Department for Exiting the European Union", Aliases: []string{"DExEU", "Exiting the European Union"}},
	{Name: "Department for Innovation, Universities and Skills", Aliases: []string{"DIUS"}},
	{Name: "Department for Business, Enterprise and Regulatory Reform", Aliases: []string{"BERR"}},
	{Name: "Department of Trade and Industry", Aliases: []string{"DTI"}},
	{Name: "Department for Constitutional Affairs", Aliases: []string{"DCA"}},
	{Name: "Office of the Deputy Prime Minister", Aliases: []string{"ODPM"}},
	{Name: "Olympics", Aliases: []string{"Government Olympic Executive"},
		Addressees: []string{"Minister for the Olympics"}},
	{Name: "Advocate General for Scotland", Aliases: []string{"Office of the Advocate General for Scotland"}},
}
