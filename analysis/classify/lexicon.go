package classify

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Cue is one pattern of wording that signals a refusal ground.
//
// Pattern is a Go regular expression matched case-insensitively against each
// sentence of an answer. Name labels the cue in evidence and defaults to the
// pattern itself. Weight is the cue's strength in (0, 1]; the zero value
// means 1. A ground fires in a sentence when any of its cues match there; the
// strongest matching cue's weight is what the ground contributes to the
// verdict's confidence.
//
// Keywords, if any, are lower-case substrings of which at least one must
// occur in a sentence for Pattern to be tried: a cheap prefilter that keeps
// classification fast. A cue without Keywords is tried on every sentence.
type Cue struct {
	Ground   Ground
	Pattern  string
	Name     string
	Weight   float64
	Keywords []string
}

// Lexicon is the set of cues the classifier uses to find refusal grounds.
// The zero value (no cues) makes a Classifier use DefaultLexicon. Users may
// append cues to DefaultLexicon().Cues, replace it, or add cues for grounds
// of their own (Ground is a plain string).
type Lexicon struct {
	Cues []Cue
}

// compiledCue is a Cue with its regexp compiled once.
type compiledCue struct {
	Cue
	re *regexp.Regexp
	// gate indexes the cue's keyword set in compiledLexicon.gates; -1 for
	// a cue without keywords.
	gate int
}

// compiledLexicon is a Lexicon ready to match.
type compiledLexicon struct {
	cues []compiledCue
	// gates are the distinct keyword sets of the cues: many cues of a
	// ground share one, and each is looked for once per sentence.
	gates [][]string
}

// compile compiles every cue case-insensitively.
func (l Lexicon) compile() (*compiledLexicon, error) {
	out := &compiledLexicon{cues: make([]compiledCue, 0, len(l.Cues))}
	gateOf := map[string]int{}
	for i, c := range l.Cues {
		re, err := regexp.Compile("(?i)" + c.Pattern)
		if err != nil {
			return nil, fmt.Errorf("classify: lexicon cue %d (%s): %w", i+1, c.Ground, err)
		}
		if c.Weight == 0 {
			c.Weight = 1
		}
		if c.Name == "" {
			c.Name = c.Pattern
		}
		gate := -1
		if len(c.Keywords) > 0 {
			k := strings.Join(c.Keywords, "\x00")
			g, ok := gateOf[k]
			if !ok {
				g = len(out.gates)
				gateOf[k] = g
				out.gates = append(out.gates, c.Keywords)
			}
			gate = g
		}
		out.cues = append(out.cues, compiledCue{Cue: c, re: re, gate: gate})
	}
	return out, nil
}

// groundHit is one ground found in one piece of text.
type groundHit struct {
	ground     Ground
	cue        string
	weight     float64
	start, end int // of the match, relative to the text matched
}

// match returns the grounds whose cues match s, one hit per ground (the
// strongest cue, earliest on ties), in lexicon order of first appearance.
func (cl *compiledLexicon) match(s string) []groundHit {
	var hits []groundHit
	lower := strings.ToLower(s)
	// open[g] is 0 when gate g is not yet looked for, 1 when one of its
	// keywords occurs, 2 when none does.
	var buf [32]uint8
	open := buf[:0]
	if len(cl.gates) <= len(buf) {
		open = buf[:len(cl.gates)]
	} else {
		open = make([]uint8, len(cl.gates))
	}
	for _, c := range cl.cues {
		if c.gate >= 0 {
			if open[c.gate] == 0 {
				open[c.gate] = 2
				if containsAny(lower, cl.gates[c.gate]) {
					open[c.gate] = 1
				}
			}
			if open[c.gate] == 2 {
				continue
			}
		}
		loc := c.re.FindStringIndex(s)
		if loc == nil {
			continue
		}
		found := false
		for i := range hits {
			if hits[i].ground == c.Ground {
				found = true
				if c.Weight > hits[i].weight {
					hits[i] = groundHit{c.Ground, c.Name, c.Weight, loc[0], loc[1]}
				}
			}
		}
		if !found {
			hits = append(hits, groundHit{c.Ground, c.Name, c.Weight, loc[0], loc[1]})
		}
	}
	return hits
}

// containsAny reports whether s contains any of the substrings.
func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// ReadLexicon reads cues from a tab-separated file: one cue a line,
// "ground<TAB>pattern[<TAB>weight]". Blank lines and lines starting with '#'
// are ignored. Patterns are checked by compiling them; errors name the file,
// line and field.
func ReadLexicon(r io.Reader, name string) (Lexicon, error) {
	var lex Lexicon
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 2 || len(f) > 3 {
			return Lexicon{}, fmt.Errorf("%s: line %d: want 2 or 3 tab-separated fields (ground, pattern[, weight]), got %d", name, line, len(f))
		}
		g := strings.TrimSpace(f[0])
		if g == "" {
			return Lexicon{}, fmt.Errorf("%s: line %d: field ground: empty", name, line)
		}
		pat := f[1]
		if strings.TrimSpace(pat) == "" {
			return Lexicon{}, fmt.Errorf("%s: line %d: field pattern: empty", name, line)
		}
		if _, err := regexp.Compile("(?i)" + pat); err != nil {
			return Lexicon{}, fmt.Errorf("%s: line %d: field pattern: %v", name, line, err)
		}
		c := Cue{Ground: Ground(g), Pattern: pat}
		if len(f) == 3 {
			w, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
			if err != nil || w <= 0 || w > 1 {
				return Lexicon{}, fmt.Errorf("%s: line %d: field weight: %q is not a number in (0, 1]", name, line, f[2])
			}
			c.Weight = w
		}
		lex.Cues = append(lex.Cues, c)
	}
	if err := sc.Err(); err != nil {
		return Lexicon{}, fmt.Errorf("%s: line %d: %w", name, line+1, err)
	}
	return lex, nil
}

// DefaultLexicon returns the built-in cues for the codebook's grounds
// (/work/shared/CODEBOOK.md), written from the codebook's cue lists and from
// the stock refusal wordings departments use across the corpus. Each call
// returns a fresh copy that the caller may modify.
func DefaultLexicon() Lexicon {
	cs := make([]Cue, len(defaultCues))
	copy(cs, defaultCues)
	return Lexicon{Cues: cs}
}

var (
	defaultOnce     sync.Once
	defaultCompiled *compiledLexicon
)

// compiledDefault returns DefaultLexicon compiled once per process.
func compiledDefault() *compiledLexicon {
	defaultOnce.Do(func() {
		cl, err := DefaultLexicon().compile()
		if err != nil {
			panic(err) // the built-in patterns are tested
		}
		defaultCompiled = cl
	})
	return defaultCompiled
}

// defaultCues are written to need refusal context, not just a topic word:
// "national security" alone appears in many substantive answers, so the cue
// is "on national security grounds", "would prejudice national security", …
var defaultCues = []Cue{
	// national-security
	{NationalSecurity, `(grounds|reasons|interests|purposes) of (national )?security|(national )?security (grounds|reasons)`, "security-grounds", 1, []string{"secur", "intelligence", "adversar", "hostile"}},
	{NationalSecurity, `(would|could|might|may|to) (harm|prejudice|compromise|damage|undermine|jeopardi[sz]e) (our |the |UK )?(national )?security`, "prejudice-security", 1, []string{"secur", "intelligence", "adversar", "hostile"}},
	{NationalSecurity, `not (our |government )?(policy|practice|appropriate|able) to (comment|discuss|disclose|provide|release|give|publish)[^.]{0,80}(security|intelligence|cyber|protective|military|operational)`, "no-comment-security", 1, []string{"secur", "intelligence", "adversar", "hostile"}},
	{NationalSecurity, `(do|does|will|would) not (otherwise |normally |routinely |generally )?(comment|discuss|disclose|provide|release|give|publish)[^.]{0,60}(security|intelligence|cyber|protective|operational)[^.]{0,30}(matters|arrangements|details|capabilit|procedures|measures|reasons)`, "no-comment-security", 1, []string{"secur", "intelligence", "adversar", "hostile"}},
	{NationalSecurity, `(policy|practice|convention)[^.]{0,60}not to (comment|disclose|discuss)[^.]{0,40}(security|intelligence)`, "no-comment-security", 1, []string{"secur", "intelligence"}},
	{NationalSecurity, `security and intelligence (matters|agencies)`, "security-intelligence", 0.8, []string{"secur", "intelligence", "adversar", "hostile"}},
	{NationalSecurity, `(use|useful|assistance|value) to (our )?(adversaries|hostile|those who)`, "adversaries", 1, []string{"secur", "intelligence", "adversar", "hostile"}},
	{NationalSecurity, `operational security|operational(ly)? sensitiv`, "operational-security", 0.9, []string{"secur", "sensitiv"}},
	{NationalSecurity, `prejudice the (capability|defence|security)[^.]{0,40}(armed forces|of the (UK|United Kingdom|realm))|security vulnerabilit`, "armed-forces", 1, []string{"armed forces", "vulnerabilit", "defence of"}},

	// disproportionate-cost
	{DisproportionateCost, `disproportionate(ly)? (high )?(cost|expense)|at a disproportionate|only at disproportionate`, "disproportionate-cost", 1, []string{"disproportionate", "cost limit", "cost threshold"}},
	{DisproportionateCost, `(exceed|exceeds|exceeded|exceeding|above|over|within) the (appropriate |relevant )?cost (limit|threshold)`, "cost-limit", 1, []string{"disproportionate", "cost limit", "cost threshold"}},

	// not-held
	{NotHeld, `(is|are|was|were) not (currently |routinely |centrally |readily |systematically |separately |specifically |formally )*(held|collected|recorded|collated|captured|monitored|tracked|documented|maintained)`, "not-held", 1, []string{"held", "collect", "record", "collat", "captur", "monitor", "track", "document", "maintain"}},
	{NotHeld, `(has|have) not (been )?(routinely |centrally |systematically |separately )*(held|collected|recorded|collated|captured|documented)`, "not-held", 1, []string{"held", "collect", "record", "collat", "captur", "document"}},
	{NotHeld, `(do|does|did) not (currently |routinely |centrally |separately |specifically |systematically |formally )*(hold|collect|record|collate|capture)\b`, "not-collected", 1, []string{"hold", "collect", "record", "collat", "captur"}},
	{NotHeld, `(do|does) not (routinely |currently |separately )?publish (this|the|that|such|these|any) |(information|data|figures|statistics)[^.]{0,60}(is|are) not (routinely |centrally |separately )?published|\b(these|this|they|it) (is|are) not routinely published`, "not-published", 0.9, []string{"publish"}},
	{NotHeld, `not (held|collected|recorded|collated) centrally|held locally|not held by (the|this|my)`, "not-held-centrally", 1, []string{"held", "centrally"}},
	{NotHeld, `(information|data|figures|statistics|breakdown|analysis|estimates?|numbers?|costs?)[^.]{0,120}(is|are) not (currently |yet |readily |routinely |separately |centrally )*(available|possible to (provide|produce))`, "not-available", 0.9, []string{"available", "possible"}},
	{NotHeld, `no (centrally[- ]held |central |reliable |robust )?(data|information|records|figures)[^.]{0,40}(is|are|exists?) (held|available|collected|recorded)`, "no-data", 1, []string{"no data", "no information", "no records", "no figures", "no central", "no reliable", "no robust"}},
	{NotHeld, `(not|n't) (be )?(possible|able) to (produce|provide|identify|give|separate|disaggregate|isolate|estimate|say|determine|state|make)[^.]{0,60}(robust|reliable|estimate|figure|data|information|breakdown|number|how many|proportion|informed assessment)`, "not-possible", 0.9, []string{"possible", "able"}},
	{NotHeld, `cannot be (separately |readily |reliably )?(identified|disaggregated|isolated|broken down)|not (separately |readily )?identifiable|not (available|possible) in (a|the) (reportable|requested) format|reportable format`, "cannot-identify", 0.9, []string{"cannot be", "reportable", "not available in", "not possible in", "identifiable"}},
	{NotHeld, `(difficult|not possible|impossible|not feasible|unable|not able) to (accurately |reliably |separately )?(calculate|identify|separate|isolate|quantify|disaggregate|extract|distinguish)|not (been )?(configured|designed|set up) to (identify|record|capture)|(were|was|have not been|has not been) not (separately )?quantified|(were|was|is|are) not (separately )?quantified`, "difficult-to-identify", 0.8, []string{"difficult", "possible", "feasible", "unable", "able to", "configured", "designed", "set up", "quantified"}},
	{NotHeld, `does not (have|hold) (this|the|that|such|any) (information|data)|no such (data|information)`, "not-held", 1, []string{"not have", "not hold", "no such"}},

	// commercial-confidentiality
	{CommercialConfidentiality, `commercial(ly)?[- ](sensitive|sensitivity|sensitivities|confidential)|commercial confidentiality|commercial in confidence`, "commercial", 1, []string{"commercial"}},
	{CommercialConfidentiality, `prejudice[^.]{0,40}commercial (interests|negotiations|position)|(ongoing|live) commercial negotiations`, "commercial-prejudice", 1, []string{"commercial"}},
	{CommercialConfidentiality, `(not|n't) (disclose|publish|release|reveal)[^.]{0,40}(under|of) commercial contracts|(competitive|negotiating) (negotiating )?position`, "negotiating-position", 0.9, []string{"commercial", "negotiating", "competitive"}},

	// legal-proceedings
	{LegalProceedings, `(ongoing|active|live|current|pending) (legal |court |judicial )?(proceedings|litigation|legal action)|legal proceedings (are|is) (ongoing|under ?way|active)`, "proceedings", 1, []string{"proceeding", "litigation", "legal action", "judice", "law officer", "investigation", "inquiry", "trial", "prosecution", "comment"}},
	{LegalProceedings, `sub judice|law officers'? convention|law officers[^.]{0,120}(must not|not to) be disclosed|whether the law officers have (advised|been asked)`, "sub-judice", 1, []string{"proceeding", "litigation", "legal action", "judice", "law officer", "investigation", "inquiry", "trial", "prosecution", "comment"}},
	{LegalProceedings, `(ongoing|live|active|current|criminal) (police )?investigation|investigation is (ongoing|under ?way|live)|while (the|an) (investigation|inquiry) (is|remains) (ongoing|under ?way)`, "investigation", 0.9, []string{"proceeding", "litigation", "legal action", "judice", "law officer", "investigation", "inquiry", "trial", "prosecution", "comment"}},
	{LegalProceedings, `(would|could|might) (prejudice|compromise|jeopardi[sz]e)[^.]{0,40}(proceedings|investigation|inquiry|trial|prosecution)`, "prejudice-proceedings", 1, []string{"proceeding", "litigation", "legal action", "judice", "law officer", "investigation", "inquiry", "trial", "prosecution", "comment"}},
	{LegalProceedings, `legal(ly)? privileged|legal professional privilege|(contents|advice) (of which )?(is|are) (legally )?privileged|decisions? (on )?whether (or not )?to (charge|prosecute)`, "privilege", 0.9, []string{"privilege", "to charge", "to prosecute"}},
	{LegalProceedings, `(not|n't) (be )?(appropriate|able|possible) to comment[^.]{0,60}(case|cases|proceedings|litigation|investigation|inquiry|legal)`, "no-comment-proceedings", 0.9, []string{"proceeding", "litigation", "legal action", "judice", "law officer", "investigation", "inquiry", "trial", "prosecution", "comment"}},

	// personal-data
	{PersonalData, `data protection (reasons|grounds|principles|legislation|law|obligations|rules)|(breach|contravene)[^.]{0,30}data protection`, "data-protection", 1, []string{"data protection", "identif", "small numbers", "suppress", "supress", "redact", "withheld", "disclosure control", "comment on", "individual", "personal", "confidential"}},
	{PersonalData, `(risk|could|would|might|may|possible|potential(ly)?|avoid|prevent|protect)[^.]{0,40}(identif(y|ication|iable|ying))[^.]{0,40}(individuals|people|persons|patients|staff|children|claimants|pupils|personnel)|(individuals|people|persons|patients|staff|children|claimants|pupils) (could|may|might|would) be (identified|identifiable)|identifiable (individuals|people|persons|information|data)|(could|would|might|may) lead to (their|the|his|her) (re-?)?identification`, "identification", 1, []string{"data protection", "identif", "small numbers", "suppress", "supress", "redact", "withheld", "disclosure control", "comment on", "individual", "personal", "confidential"}},
	{PersonalData, `small numbers|(supressed|suppressed|redacted|withheld)[^.]{0,60}(disclos|identif|confidential)|statistical disclosure control`, "small-numbers", 0.9, []string{"data protection", "identif", "small numbers", "suppress", "supress", "redact", "withheld", "disclosure control", "comment on", "individual", "personal", "confidential"}},
	{PersonalData, `(do|does|will) not (normally |routinely )?comment on (individual|specific|personal) (cases|circumstances|applications)|(individual|personal) (cases|circumstances) (would|could|cannot|can not)`, "individual-cases", 0.9, []string{"data protection", "identif", "small numbers", "suppress", "supress", "redact", "withheld", "disclosure control", "comment on", "individual", "personal", "confidential"}},
	{PersonalData, `personal (data|information) (about|of|relating to)|patient confidentiality|(duty|obligations?) of confidentiality`, "personal-data", 0.8, []string{"data protection", "identif", "small numbers", "suppress", "supress", "redact", "withheld", "disclosure control", "comment on", "individual", "personal", "confidential"}},

	// other-body
	{OtherBody, `(is|are|remains?|was|will be|would be) (a |an |entirely a |wholly a )?((private|commercial|operational|internal|local) )?(matter|matters|issue|issues|question|decision|decisions) for (the |each |individual |local |relevant |an |their )?|not (an issue|a matter) for which (the|this|my) [^.]{0,60}(is|are) responsible`, "matter-for", 0.9, []string{"matter", "issue", "question", "decision"}},
	{OtherBody, `(is|are) (a )?(fully |wholly )?devolved( matter| issue| policy| area)?|devolved (matter|issue|policy|area|responsibility|competence)|responsibility of the (Scottish|Welsh|Northern Ireland)`, "devolved", 1, []string{"devolved", "responsibility of the"}},
	{OtherBody, `(falls?|lies|sits|rests?) (under|within|with) the (remit|responsibility|jurisdiction) of|(within|outside) (the )?(remit|responsibility) of`, "remit", 1, []string{"remit", "responsibility", "jurisdiction"}},
	{OtherBody, `each (government )?(department|local authority|authority|body|organisation|trust|police force|force|council)[^.]{0,40}(is|are) responsible for (its|their) own|\beach [^.]{0,40}'s own responsibility|(have|has|take|takes) (the |full )?responsibility for (its|their) own|\bit is the responsibility of (each|every|individual)\b|\b(is|are) not (directly )?responsible for`, "each-own", 1, []string{"responsib"}},
	{OtherBody, `(is|are) (operationally )?independent (of|from) (parliament|government|ministers)|operationally independent|arm'?s[- ]length body`, "independent-body", 0.9, []string{"independent", "length body"}},
	{OtherBody, `(have|has) (been )?asked (the|its|their) [^.]{0,80}to (reply|write|respond|provide (a |an )?(direct |substantive |full )?(reply|response|answer))|(is|are) (the )?(direct |sole )?responsibility of (the )?(company|chief executive|agency|board|operator|trust|council)|will (reply|write|respond) to (the hon|my hon|the right hon|the noble)[^.]{0,80}directly`, "asked-to-reply", 0.9, []string{"asked", "responsibility of", "directly"}},
	{OtherBody, `(is|are) (solely |entirely )?(a )?(responsibility|responsible) (of|for) (the |individual |local |each )?(police|local authorit|local government|chief constable|council|devolved|scottish|welsh|northern ireland|trusts|regulator|employers|schools)`, "responsibility-of", 0.8, []string{"responsib"}},

	// no-comment-convention
	{NoCommentConvention, `not (general |normal |usual |standard |our |government )?(practice|policy) to (make available|publish|disclose|release|comment|provide|give)`, "not-practice", 1, []string{"practice", "policy"}},
	{NoCommentConvention, `long[- ]?standing (practice|policy|convention|position)|(successive|previous) governments? (have|has) (not|never)|established (practice|convention)`, "long-standing", 1, []string{"standing", "successive", "previous government", "established"}},
	{NoCommentConvention, `(do|does|will|would) not (routinely |normally |generally |otherwise )?comment on\b`, "no-comment", 1, []string{"comment"}},
	{NoCommentConvention, `(do|does|will|would) not (routinely |normally |generally )?(publish|disclose|release|share)[^.]{0,40}(advice|internal|correspondence|representations|responses|discussions|deliberations|minutes|papers|granular detail|details of)|cannot (share|disclose|release|publish) (granular|detailed|specific|further) (data|details|information)`, "not-disclosed", 0.9, []string{"publish", "disclose", "release", "share"}},
	{NoCommentConvention, `(not|n't) (be )?(able|appropriate|right|possible|proper) (for me |for the government )?to (comment|speculate|look back|provide a running commentary|pre-?judge)|cannot (comment|speculate)|(inappropriate|not appropriate) (for [^.]{0,30})?to (comment|speculate|release|disclose|give a view)|unable to (provide (a )?(running )?commentary|comment) on (individual|specific|particular)`, "cannot-comment", 0.8, []string{"comment", "speculat", "look back", "commentary", "judge", "cannot", "inappropriate", "not appropriate"}},
	{NoCommentConvention, `(internal|cabinet|advice|discussions?|deliberations?|meetings)[^.]{0,100}(is|are) (generally |normally |usually )?not (generally |normally |usually )?(disclosed|published|made public)|frankness and candour|candour of internal|unable to disclose (details of )?(confidential|private|internal)`, "internal-not-disclosed", 1, []string{"not disclosed", "not published", "not made public", "not generally", "not normally", "not usually", "candour", "unable to disclose"}},
	{NoCommentConvention, `market[- ]sensitive|quasi[- ]judicial|propriety guidance|(internal|legal) advice to (ministers|government)|running commentary`, "convention", 0.9, []string{"market", "quasi", "propriety", "advice to", "commentary"}},

	// future-publication
	{FuturePublication, `(matter|matters|decision|decisions|question|questions) for (the )?(next |upcoming |forthcoming |future )?(stage of the )?(multi-year )?(spending review|budget|fiscal event)`, "spending-review", 1, []string{"spending review", "budget", "fiscal"}},
	{FuturePublication, `(as part of|through|in|at|during|ahead of|dependent (up)?on|depends? (up)?on|subject to) the (next|forthcoming|upcoming|ongoing|coming) (phase of the |stage of the )?([\w-]+ ){0,2}(review|consultation|strategy|white paper|spending review|budget)\b`, "forthcoming-review", 0.8, []string{"next", "forthcoming", "upcoming", "ongoing", "coming"}},
	{FuturePublication, `\b(is|are|am) (currently |carefully |actively |now )?(considering|reflecting on) (how best|how to|whether|the next steps|next steps|the options|options|all options|its options|the (report|recommendations|findings|responses))`, "under-consideration", 0.8, []string{"considering", "reflecting"}},
	{FuturePublication, `in due course|in the coming (weeks|months)|(at|in|ahead of|through) (the|a) (next|upcoming|forthcoming|future) (fiscal event|budget|spending review)`, "due-course", 1, []string{"due course", "coming", "fiscal", "budget", "spending review"}},
	{FuturePublication, `will (be )?(publish|published|announce|announced|set out|confirm|confirmed|outline|outlined|respond|update|updating|provide further|made available|report)[^.]{0,80}(shortly|soon|later|in the autumn|in the spring|in the summer|next year|this year|when|once|following|in [A-Z][a-z]+ 20\d\d|on \d|at (the )?(autumn |spring )?(budget|statement|spending review|fiscal event))`, "will-publish", 0.9, []string{"publish", "announc", "set out", "confirm", "outline", "respond", "updat", "provide further", "made available", "report"}},
	{FuturePublication, `(update|inform|report to) (the House|Parliament)|(decision|decisions|no decisions?)[^.]{0,80}(not yet|yet to be|will be) (been )?(made|taken|reached)|no (final )?decisions? (has|have) (yet )?been (made|taken)|not yet (been )?(taken|made|decided|finalised|agreed|confirmed)`, "not-yet", 0.9, []string{"update", "inform", "report to", "decision", "not yet"}},
	{FuturePublication, `(can ?not|can't|will not|won't|not able to|unable to|inappropriate[^.]{0,60}to) (pre-?empt|prejudge|pre-?judge|get ahead of)|(forthcoming|upcoming) (publication|consultation response|strategy|plan|review|statement|white paper)`, "cannot-preempt", 0.9, []string{"empt", "judge", "ahead", "forthcoming", "upcoming"}},
	{FuturePublication, `\bwill (soon|shortly|later this year) (publish|set out|announce|confirm|update|report)|(details?|terms|modalities|arrangements|specifics)[^.]{0,60}(are|is|remain) (still )?(under discussion|to be (agreed|confirmed|determined|finalised))`, "soon-under-discussion", 0.8, []string{"soon", "shortly", "later this year", "under discussion", "to be agreed", "to be confirmed", "to be determined", "to be finalised"}},
	{FuturePublication, `(will|to) be (published|announced|set out|confirmed|made available|released) (on|in|by|later|shortly|alongside|as part|once|when)|(are|is) (due|expected|scheduled|planned) to be (published|released)`, "to-be-published", 0.9, []string{"be published", "be announced", "be set out", "be confirmed", "be made available", "be released"}},
}
