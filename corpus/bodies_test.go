package corpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

func TestLookupAcrossSources(t *testing.T) {
	reg := DefaultRegistry()
	cases := []struct{ name, want string }{
		// API names
		{"Treasury", "HM Treasury"},
		{"Department for Levelling Up, Housing and Communities", "Ministry of Housing, Communities and Local Government"},
		{"Ministry of Housing, Communities and Local Government", "Ministry of Housing, Communities and Local Government"},
		{"Foreign, Commonwealth and Development Office", "Foreign, Commonwealth and Development Office"},
		{"Speaker's Committee on the Electoral Commission", "Speaker's Committee on the Electoral Commission"},
		// TheyWorkForYou 2009 headings
		{"WORK AND PENSIONS", "Department for Work and Pensions"},
		{"CHURCH COMMISSIONERS", "Church Commissioners"},
		{"BUSINESS, INNOVATION AND SKILLS", "Department for Business, Innovation and Skills"},
		{"CHILDREN, SCHOOLS AND FAMILIES", "Department for Children, Schools and Families"},
		{"COMMUNITIES AND LOCAL GOVERNMENT", "Ministry of Housing, Communities and Local Government"},
		{"CULTURE MEDIA AND SPORT", "Department for Culture, Media and Sport"},
		{"DEFENCE", "Ministry of Defence"},
		{"ELECTORAL COMMISSION COMMITTEE", "Speaker's Committee on the Electoral Commission"},
		{"ENERGY AND CLIMATE CHANGE", "Department of Energy and Climate Change"},
		{"ENVIRONMENT FOOD AND RURAL AFFAIRS", "Department for Environment, Food and Rural Affairs"},
		{"FOREIGN AND COMMONWEALTH AFFAIRS", "Foreign and Commonwealth Office"},
		{"HEALTH", "Department of Health and Social Care"},
		{"HOME DEPARTMENT", "Home Office"},
		{"HOUSE OF COMMONS COMMISSION", "House of Commons Commission"},
		{"INTERNATIONAL DEVELOPMENT", "Department for International Development"},
		{"JUSTICE", "Ministry of Justice"},
		{"NORTHERN IRELAND", "Northern Ireland Office"},
		{"OLYMPICS", "Olympics"},
		{"PRIME MINISTER", "Prime Minister"},
		{"SCOTLAND", "Scotland Office"},
		{"SOLICITOR-GENERAL", "Attorney General"},
		{"TRANSPORT", "Department for Transport"},
		{"TREASURY", "HM Treasury"},
		{"WALES", "Wales Office"},
		{"WOMEN AND EQUALITY", "Women and Equalities"},
		{"CABINET OFFICE", "Cabinet Office"},
		// Parallel Parliament spellings
		{"Levelling Up, Housing & Communities", "Ministry of Housing, Communities and Local Government"},
		{"Department for Levelling Up, Housing & Communities", "Ministry of Housing, Communities and Local Government"},
		{"the HM Treasury", "HM Treasury"},
		{"the Department of Health and Social Care", "Department of Health and Social Care"},
		{"Department for Business, Energy and Industrial Strategy", "Department for Business, Energy and Industrial Strategy"},
		// punctuation and case
		{"  speakers committee on the electoral commission ", "Speaker's Committee on the Electoral Commission"},
		{"Department For Transport.", "Department for Transport"},
	}
	for _, c := range cases {
		b, ok := reg.Lookup(c.name)
		if !ok || b.Name != c.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", c.name, b.Name, ok, c.want)
		}
	}
	for _, unknown := range []string{"", "Ministry of Magic", "Department", "Housing", "Foreign"} {
		if b, ok := reg.Lookup(unknown); ok {
			t.Errorf("Lookup(%q) = %q, want unknown", unknown, b.Name)
		}
	}
}

// Bodies that the machinery of government re-divided must stay distinct.
func TestDistinctBodiesNotMerged(t *testing.T) {
	reg := DefaultRegistry()
	pairs := [][2]string{
		{"Department for Children, Schools and Families", "Department for Education"},
		{"Foreign and Commonwealth Office", "Foreign, Commonwealth and Development Office"},
		{"Department for International Development", "Foreign, Commonwealth and Development Office"},
		{"Department of Energy and Climate Change", "Department for Energy Security and Net Zero"},
		{"Department for Business, Innovation and Skills", "Department for Business and Trade"},
		{"Department for Business, Energy and Industrial Strategy", "Department for Business and Trade"},
		{"Department for International Trade", "Department for Business and Trade"},
	}
	for _, p := range pairs {
		a, ok1 := reg.Lookup(p[0])
		b, ok2 := reg.Lookup(p[1])
		if !ok1 || !ok2 || a.Name == b.Name {
			t.Errorf("%q and %q: got %q (%v) and %q (%v), want two distinct bodies", p[0], p[1], a.Name, ok1, b.Name, ok2)
		}
	}
}

// No name, alias or derived form of one body may be claimed by another in
// the default table: a silent override there would misfile questions.
func TestDefaultRegistryHasNoCollisions(t *testing.T) {
	seen := map[string]string{}
	ids := map[int]string{}
	for _, b := range defaultBodies {
		for _, n := range b.names() {
			k := normName(n)
			if other, ok := seen[k]; ok && other != b.Name {
				t.Errorf("name %q claimed by %q and %q", n, other, b.Name)
			}
			seen[k] = b.Name
		}
		for _, id := range append([]int{b.APIID}, b.OtherAPIIDs...) {
			if id == 0 {
				continue
			}
			if other, ok := ids[id]; ok {
				t.Errorf("API id %d claimed by %q and %q", id, other, b.Name)
			}
			ids[id] = b.Name
		}
	}
	reg := DefaultRegistry()
	for _, b := range defaultBodies {
		got, ok := reg.Lookup(b.Name)
		if !ok || got.Name != b.Name {
			t.Errorf("Lookup(own name %q) = %q, %v", b.Name, got.Name, ok)
		}
		for _, a := range b.Aliases {
			if got, ok := reg.Lookup(a); !ok || got.Name != b.Name {
				t.Errorf("Lookup(alias %q of %q) = %q, %v", a, b.Name, got.Name, ok)
			}
		}
	}
}

func TestBodiesSortedAndCopied(t *testing.T) {
	reg := DefaultRegistry()
	bs := reg.Bodies()
	if len(bs) != len(defaultBodies) {
		t.Fatalf("Bodies() has %d bodies, want %d", len(bs), len(defaultBodies))
	}
	if !sort.SliceIsSorted(bs, func(i, j int) bool { return bs[i].Name < bs[j].Name }) {
		t.Error("Bodies() not sorted by Name")
	}
	for i := range bs {
		if len(bs[i].Aliases) > 0 {
			bs[i].Aliases[0] = "CLOBBERED"
		}
	}
	if _, ok := reg.Lookup("Treasury"); !ok {
		t.Error("changing Bodies() output changed the registry")
	}
	if b, ok := reg.Lookup("CLOBBERED"); ok {
		t.Errorf("CLOBBERED resolved to %q", b.Name)
	}
}

func TestNewRegistryLaterWins(t *testing.T) {
	reg := NewRegistry(append(DefaultRegistry().Bodies(),
		Body{Name: "Ministry of Magic", APIID: 999, Aliases: []string{"MAGIC"}},
		Body{Name: "Exchequer Office", Addressees: []string{"Chancellor of the Exchequer"}},
	))
	if b, ok := reg.Lookup("magic"); !ok || b.Name != "Ministry of Magic" {
		t.Errorf("Lookup(magic) = %q, %v", b.Name, ok)
	}
	if b, ok := reg.LookupAPIID(999); !ok || b.Name != "Ministry of Magic" {
		t.Errorf("LookupAPIID(999) = %q, %v", b.Name, ok)
	}
	if b, ok := reg.FromAddressee("To ask the Chancellor of the Exchequer, what"); !ok || b.Name != "Exchequer Office" {
		t.Errorf("override: FromAddressee = %q, %v", b.Name, ok)
	}
	var zero Registry
	if _, ok := zero.Lookup("Treasury"); ok {
		t.Error("zero Registry knows Treasury")
	}
	if _, ok := zero.FromAddressee("To ask the Prime Minister"); ok {
		t.Error("zero Registry resolved an addressee")
	}
}

func TestFromAddressee(t *testing.T) {
	reg := DefaultRegistry()
	cases := []struct{ q, want string }{
		{"To ask the Secretary of State for Transport, what steps", "Department for Transport"},
		{"To ask the Chancellor of the Exchequer, what", "HM Treasury"},
		{"To ask the Chancellor of  the Exchequer what", "HM Treasury"},
		{"To ask the Minister for the Cabinet Office, whether", "Cabinet Office"},
		{"To ask the Secretary of State for the Home Department, how many", "Home Office"},
		{"To ask the Secretary of State for Home Department, how many", "Home Office"},
		{"To ask the Attorney General, how many", "Attorney General"},
		{"To ask the Solicitor General, how many", "Attorney General"},
		{"To ask the hon. Member for Middlesbrough, representing the Church Commissioners how many", "Church Commissioners"},
		{"To ask the Right hon. Member for Kenilworth and Southam, representing the Speaker's Committee on the Electoral Commission, what", "Speaker's Committee on the Electoral Commission"},
		{"To ask the Prime Minister, if he will", "Prime Minister"},
		{"To ask the Secretary of State for Levelling Up, Housing and Communities, whether", "Ministry of Housing, Communities and Local Government"},
		{"To ask the Secretary of State for Health and Social Care, whether", "Department of Health and Social Care"},
		{"To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what", "Foreign, Commonwealth and Development Office"},
		{"To ask the Minister of State, Foreign, Commonwealth and Development Office, what", "Foreign, Commonwealth and Development Office"},
		{"To ask the Deputy Foreign Secretary, whether", "Foreign, Commonwealth and Development Office"},
		{"To ask the Secretary of State, Energy Security and Net Zero, if", "Department for Energy Security and Net Zero"},
		{"To ask the Secretary of State for the Department of Work and Pensions, how", "Department for Work and Pensions"},
		{"To the Secretary of State for Work and Pensions, what steps", "Department for Work and Pensions"},
		{"o ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what", "Foreign, Commonwealth and Development Office"},
		{"To ask the Minister for Women and Equalities, what", "Women and Equalities"},
		{"To ask the Leader of the House, whether", "Leader of the House"},
		{"To ask the Secretary of State for Children, Schools and Families how many", "Department for Children, Schools and Families"},
		{"To ask the Secretary of State for Education, how many", "Department for Education"},
		{"To ask the Minister for the Olympics what", "Olympics"},
	}
	for _, c := range cases {
		b, ok := reg.FromAddressee(c.q)
		if !ok || b.Name != c.want {
			t.Errorf("FromAddressee(%q) = %q, %v; want %q", c.q, b.Name, ok, c.want)
		}
	}
	for _, q := range []string{
		"To ask His Majesty's Government what assessment",
		"To ask Her Majesty's Government whether",
		"To ask the Secretary of State for Magic, whether",
		"What is the answer?",
		"",
		"To ask the Secretary of State, whether", // no body named
	} {
		if b, ok := reg.FromAddressee(q); ok {
			t.Errorf("FromAddressee(%q) = %q, want false", q, b.Name)
		}
	}
}

// Every (answeringBodyId, answeringBodyName) pair in the real API list data
// must resolve, by id and by name, to the same body.
func TestAPIBodiesFromRealData(t *testing.T) {
	dir := shared.Path(t, "data/api/list")
	files, err := filepath.Glob(filepath.Join(dir, "*.json.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no list files in %s: %v", dir, err)
	}
	pairs := map[string]int{}
	for _, f := range files {
		forEachGzJSONArrayItem(t, f, func(raw json.RawMessage) {
			var it struct {
				Value struct {
					ID   int    `json:"answeringBodyId"`
					Name string `json:"answeringBodyName"`
				} `json:"value"`
			}
			if err := json.Unmarshal(raw, &it); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			pairs[fmt.Sprintf("%d\x00%s", it.Value.ID, it.Value.Name)]++
		})
	}
	reg := DefaultRegistry()
	t.Logf("%d distinct (answeringBodyId, answeringBodyName) pairs", len(pairs))
	if len(pairs) != 31 {
		t.Errorf("found %d pairs, the data README says 31", len(pairs))
	}
	for p := range pairs {
		var id int
		name := p[strings.IndexByte(p, 0)+1:]
		fmt.Sscan(p[:strings.IndexByte(p, 0)], &id)
		byID, ok1 := reg.LookupAPIID(id)
		byName, ok2 := reg.Lookup(name)
		if !ok1 || !ok2 || byID.Name != byName.Name {
			t.Errorf("(%d, %q): by id %q (%v), by name %q (%v)", id, name, byID.Name, ok1, byName.Name, ok2)
		}
	}
}

func forEachGzJSONArrayItem(t *testing.T, path string, fn func(json.RawMessage)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	dec := json.NewDecoder(zr)
	for {
		var arr []json.RawMessage
		if err := dec.Decode(&arr); err == io.EOF {
			return
		} else if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, raw := range arr {
			fn(raw)
		}
	}
}

// FromAddressee on every full question text of the API data: the share
// resolved must stay at or above 99%, and the unresolved openings are
// logged for inspection.
func TestFromAddresseeRealFullTexts(t *testing.T) {
	dir := shared.Path(t, "data/api/fulltext")
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no full-text files in %s: %v", dir, err)
	}
	reg := DefaultRegistry()
	total, resolved := 0, 0
	unresolved := map[string]int{}
	perBody := map[string]int{}
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var line struct {
				Q string `json:"questionText"`
			}
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			total++
			if b, ok := reg.FromAddressee(line.Q); ok {
				resolved++
				perBody[b.Name]++
			} else {
				o := line.Q
				if len(o) > 70 {
					o = o[:70]
				}
				unresolved[o]++
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		f.Close()
	}
	share := float64(resolved) / float64(total)
	t.Logf("resolved %d of %d full texts (%.3f%%) to %d bodies", resolved, total, 100*share, len(perBody))
	keys := make([]string, 0, len(unresolved))
	for k := range unresolved {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if unresolved[keys[i]] != unresolved[keys[j]] {
			return unresolved[keys[i]] > unresolved[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for i, k := range keys {
		if i == 20 {
			break
		}
		t.Logf("unresolved %4d  %q", unresolved[k], k)
	}
	if total != 49450 {
		t.Errorf("read %d full texts, the data README says 49,450", total)
	}
	if share < 0.99 {
		t.Errorf("resolved share %.4f < 0.99", share)
	}
}

func ExampleRegistry_Lookup() {
	reg := DefaultRegistry()
	for _, name := range []string{
		"TREASURY",                            // TheyWorkForYou heading, 2009
		"the HM Treasury",                     // Parallel Parliament
		"Levelling Up, Housing & Communities", // Parallel Parliament, 2023
		"CHILDREN, SCHOOLS AND FAMILIES",      // not merged into DfE
		"Ministry of Magic",
	} {
		b, ok := reg.Lookup(name)
		fmt.Printf("%q → %q %v\n", name, b.Name, ok)
	}
	b, _ := reg.LookupAPIID(211)
	fmt.Println(b.Name, b.APIID)
	// Output:
	// "TREASURY" → "HM Treasury" true
	// "the HM Treasury" → "HM Treasury" true
	// "Levelling Up, Housing & Communities" → "Ministry of Housing, Communities and Local Government" true
	// "CHILDREN, SCHOOLS AND FAMILIES" → "Department for Children, Schools and Families" true
	// "Ministry of Magic" → "" false
	// Ministry of Housing, Communities and Local Government 7
}

func ExampleRegistry_FromAddressee() {
	reg := DefaultRegistry()
	for _, q := range []string{
		"To ask the Chancellor of the Exchequer, what estimate he has made …",
		"To ask the hon. Member for Battersea, representing the Church Commissioners, how many …",
		"To ask the Minister of State, Foreign, Commonwealth and Development Office, what …",
		"To ask His Majesty's Government what assessment they have made …",
	} {
		b, ok := reg.FromAddressee(q)
		fmt.Printf("%q %v\n", b.Name, ok)
	}
	// Output:
	// "HM Treasury" true
	// "Church Commissioners" true
	// "Foreign, Commonwealth and Development Office" true
	// "" false
}

func ExampleNewRegistry() {
	// Extend the default registry with a body it does not know.
	reg := NewRegistry(append(DefaultRegistry().Bodies(),
		Body{Name: "Department for Magical Affairs", Aliases: []string{"Magic"}}))
	b, ok := reg.FromAddressee("To ask the Secretary of State for Magic, how many brooms …")
	fmt.Println(b.Name, ok)
	// Output:
	// Department for Magical Affairs true
}

func BenchmarkFromAddressee(b *testing.B) {
	reg := DefaultRegistry()
	qs := []string{
		"To ask the Secretary of State for Health and Social Care, what steps he is taking to reduce waiting lists.",
		"To ask the Chancellor of the Exchequer, what estimate he has made of the cost of the policy.",
		"To ask the hon. Member for Battersea, representing the Church Commissioners, how many churches.",
		"To ask His Majesty's Government what assessment they have made of the matter.",
		// Most questions run on well past their addressee.
		"To ask the Secretary of State for Environment, Food and Rural Affairs, with reference to the answer of 12 March 2024 to Question 17452 on Flood Defences: Finance, " +
			"what assessment her Department has made of the adequacy of the funding allocated to the Environment Agency for the maintenance of flood defence assets in each of " +
			"the last five financial years; and what steps she is taking to ensure that assets rated in poor or very poor condition are repaired before the coming winter.",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		reg.FromAddressee(qs[i%len(qs)])
	}
}

func BenchmarkLookup(b *testing.B) {
	reg := DefaultRegistry()
	names := []string{"WORK AND PENSIONS", "Levelling Up, Housing & Communities", "the HM Treasury", "Ministry of Magic"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		reg.Lookup(names[i%len(names)])
	}
}

// FuzzNormWords checks that normWords gives the first words of
// strings.Fields(normName(s)), which FromAddressee read before it
// normalised only the words it can use.
func FuzzNormWords(f *testing.F) {
	for _, s := range []string{
		"To ask the Secretary of State for Environment, Food & Rural Affairs, what",
		"the the the",
		"the",
		"The Speaker's Committee&&on the Electoral Commission",
		"To ask the hon. Member for Berwick-upon-Tweed, representing the House of Commons Commission, whether",
		"Ünïcödé ’quotes‘ `ticks` \xff\xfe broken",
		"",
	} {
		f.Add(s, 3)
		f.Add(s, 1)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 1 || limit > 64 {
			return
		}
		want := strings.Fields(normName(s))
		want = want[:min(len(want), limit)]
		got := normWords(s, limit)
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Fatalf("normWords(%q, %d) = %q, want %q", s, limit, got, want)
		}
	})
}

// TestAddresseeTitlesFitTheJoin guards FromAddressee's reading of a title
// from the addressee's first five words: a longer title would not be
// found.
func TestAddresseeTitlesFitTheJoin(t *testing.T) {
	for _, title := range addresseeTitles {
		if n := len(strings.Fields(title)); n > 5 {
			t.Errorf("title %q has %d words; FromAddressee reads a title from the first five", title, n)
		}
	}
}
