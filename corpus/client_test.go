package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parlance-go/parlance/internal/shared"
)

// clientWaits records the backoff and rate-limit waits a Client chose, without
// waiting for them.
type clientWaits struct {
	mu sync.Mutex
	ds []time.Duration
}

func (w *clientWaits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	w.ds = append(w.ds, d)
	w.mu.Unlock()
	return ctx.Err()
}

func (w *clientWaits) got() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.ds)
}

// clientScript serves the given status codes in turn (200 with body once the
// script runs out), with the Retry-After header given for each, and counts
// requests.
type clientScript struct {
	codes      []int
	retryAfter []string
	body       string
	n          atomic.Int32
	onRequest  func(n int)
}

func (s *clientScript) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(s.n.Add(1)) - 1
	if s.onRequest != nil {
		s.onRequest(n)
	}
	if n < len(s.codes) {
		if n < len(s.retryAfter) && s.retryAfter[n] != "" {
			w.Header().Set("Retry-After", s.retryAfter[n])
		}
		http.Error(w, "scripted failure", s.codes[n])
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(s.body))
}

func newTestClient(t *testing.T, h http.Handler) (*Client, *httptest.Server, *clientWaits) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	w := &clientWaits{}
	return &Client{BaseURL: srv.URL, MinInterval: -1, sleep: w.sleep}, srv, w
}

func TestQueryEncoding(t *testing.T) {
	c := &Client{BaseURL: "https://example.org/api/writtenquestions/"}
	q := Query{
		SearchTerm:       " Hikvision ",
		TabledFrom:       time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC),
		TabledTo:         time.Date(2023, 7, 31, 23, 0, 0, 0, time.FixedZone("BST", 3600)),
		AnsweredFrom:     time.Date(2023, 7, 2, 0, 0, 0, 0, time.UTC),
		AnsweredTo:       time.Date(2023, 8, 31, 0, 0, 0, 0, time.UTC),
		Answered:         "Answered",
		Bodies:           []int{17, 1, 17, 60},
		Members:          []int{4638},
		AskingMember:     4638,
		House:            Commons,
		UIN:              "193512",
		IncludeWithdrawn: true,
	}
	v, err := q.values()
	if err != nil {
		t.Fatal(err)
	}
	got := c.listURL(v, 200, 100)
	want := "https://example.org/api/writtenquestions/questions?" +
		"answered=Answered&answeredWhenFrom=2023-07-02&answeredWhenTo=2023-08-31&" +
		"answeringBodies=1&answeringBodies=17&answeringBodies=60&askingMemberId=4638&" +
		"expandMember=true&house=Commons&includeWithdrawn=true&members=4638&" +
		"searchTerm=Hikvision&skip=200&tabledWhenFrom=2023-07-01&tabledWhenTo=2023-07-31&" +
		"take=100&uIN=193512"
	if got != want {
		t.Errorf("list URL\n got %s\nwant %s", got, want)
	}
	// The zero query asks for everything, one page at a time, with members'
	// names; OmitMembers leaves them out.
	v, err = Query{}.values()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := (&Client{}).listURL(v, 0, 100), DefaultBaseURL+"/questions?expandMember=true&skip=0&take=100"; got != want {
		t.Errorf("zero query URL = %s, want %s", got, want)
	}
	v, err = Query{OmitMembers: true}.values()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := (&Client{}).listURL(v, 0, 100), DefaultBaseURL+"/questions?skip=0&take=100"; got != want {
		t.Errorf("OmitMembers query URL = %s, want %s", got, want)
	}
	if got, want := c.questionURL(1679416), "https://example.org/api/writtenquestions/questions/1679416"; got != want {
		t.Errorf("detail URL = %s, want %s", got, want)
	}
}

func TestQueryInvalid(t *testing.T) {
	for _, q := range []Query{
		{Answered: "answered"},
		{House: "Senate"},
		{Bodies: []int{17, -1}},
		{Members: []int{0}},
		{AskingMember: -3},
		{PageSize: -1},
		{Limit: -1},
	} {
		if _, err := q.values(); err == nil || !strings.HasPrefix(err.Error(), "query: ") {
			t.Errorf("%+v: err = %v, want a query error", q, err)
		}
	}
}

func TestGetHeaders(t *testing.T) {
	var ua, accept string
	c, srv, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua, accept = r.UserAgent(), r.Header.Get("Accept")
		w.Write([]byte("{}"))
	}))
	if _, _, err := c.get(context.Background(), srv.URL+"/questions/1"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ua, "parlance/") || !strings.Contains(ua, "github.com/parlance-go/parlance") {
		t.Errorf("User-Agent = %q", ua)
	}
	if accept != "application/json" {
		t.Errorf("Accept = %q", accept)
	}
}

func TestGetRetryAfter429(t *testing.T) {
	s := &clientScript{codes: []int{429}, retryAfter: []string{"7"}, body: `{"ok":1}`}
	c, srv, w := newTestClient(t, s)
	body, _, err := c.get(context.Background(), srv.URL+"/questions/1")
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != `{"ok":1}` {
		t.Errorf("body = %s", body)
	}
	if n := s.n.Load(); n != 2 {
		t.Errorf("requests = %d, want 2", n)
	}
	// Retry-After (7 s) is longer than the first backoff (1 s), so it wins.
	if got, want := w.got(), []time.Duration{7 * time.Second}; !slices.Equal(got, want) {
		t.Errorf("waits = %v, want %v", got, want)
	}
}

func TestGet503TwiceThenSuccess(t *testing.T) {
	s := &clientScript{codes: []int{503, 503}, body: `{"ok":2}`}
	c, srv, w := newTestClient(t, s)
	body, _, err := c.get(context.Background(), srv.URL+"/questions/1")
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != `{"ok":2}` || s.n.Load() != 3 {
		t.Errorf("body = %s after %d requests, want {\"ok\":2} after 3", body, s.n.Load())
	}
	// Exponential backoff: 1 s, then 2 s.
	if got, want := w.got(), []time.Duration{time.Second, 2 * time.Second}; !slices.Equal(got, want) {
		t.Errorf("waits = %v, want %v", got, want)
	}
}

func TestGetRetriesExhausted(t *testing.T) {
	s := &clientScript{codes: []int{500, 502, 503, 504, 503, 503, 503}}
	c, srv, w := newTestClient(t, s)
	c.MaxRetries = 3
	u := srv.URL + "/questions?expandMember=true&skip=0&take=100"
	_, _, err := c.get(context.Background(), u)
	var he *HTTPError
	if !errors.As(err, &he) {
		t.Fatalf("err = %v, want an *HTTPError", err)
	}
	if he.StatusCode != 504 || he.Attempts != 4 || he.URL != u {
		t.Errorf("HTTPError = %+v, want status 504 after 4 attempts at %s", he, u)
	}
	for _, part := range []string{u, "504 Gateway Timeout", "after 4 attempts", "scripted failure"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not contain %q", err, part)
		}
	}
	if got, want := w.got(), []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}; !slices.Equal(got, want) {
		t.Errorf("waits = %v, want %v", got, want)
	}
}

func TestGetNoRetryOnClientError(t *testing.T) {
	s := &clientScript{codes: []int{404}}
	c, srv, _ := newTestClient(t, s)
	_, _, err := c.get(context.Background(), srv.URL+"/questions/9")
	var he *HTTPError
	if !errors.As(err, &he) || he.StatusCode != 404 || s.n.Load() != 1 {
		t.Errorf("err = %v after %d requests, want a 404 after 1", err, s.n.Load())
	}
}

func TestGetRetryAfterTooLong(t *testing.T) {
	s := &clientScript{codes: []int{503, 503}, retryAfter: []string{"86400"}}
	c, srv, w := newTestClient(t, s)
	_, _, err := c.get(context.Background(), srv.URL+"/questions/1")
	if err == nil || !strings.Contains(err.Error(), "retry after 24h0m0s") || s.n.Load() != 1 || len(w.got()) != 0 {
		t.Errorf("err = %v after %d requests, waits %v; want a give-up naming the wait after 1 request", err, s.n.Load(), w.got())
	}
}

func TestGetCancelDuringBackoff(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &clientScript{codes: []int{503, 503}, retryAfter: []string{"300"}}
	c, srv, _ := newTestClient(t, s)
	// Sleep for real (300 s, as the server asks), and cancel the context
	// while the Client is asleep.
	c.sleep = func(ctx context.Context, d time.Duration) error {
		time.AfterFunc(10*time.Millisecond, cancel)
		return sleepCtx(ctx, d)
	}
	_, _, err := c.get(ctx, srv.URL+"/questions/1")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if n := s.n.Load(); n != 1 {
		t.Errorf("requests = %d, want 1 (no retry after cancellation)", n)
	}
}

func TestGetRateLimit(t *testing.T) {
	s := &clientScript{body: "{}"}
	c, srv, w := newTestClient(t, s)
	c.MinInterval = time.Hour
	for i := 0; i < 3; i++ {
		if _, _, err := c.get(context.Background(), srv.URL+"/questions/1"); err != nil {
			t.Fatal(err)
		}
	}
	ds := w.got()
	if len(ds) != 3 || ds[0] > 0 || ds[1] <= 59*time.Minute || ds[2] <= ds[1] {
		t.Errorf("rate-limit waits = %v; want none, then about 1h, then about 2h (slots reserved ahead)", ds)
	}
}

func TestCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	s := &clientScript{body: `{"cached":true}`}
	c, srv, _ := newTestClient(t, s)
	c.CacheDir = dir
	u := srv.URL + "/questions?expandMember=true&skip=0&take=100"
	if _, cached, err := c.get(context.Background(), u); err != nil || cached {
		t.Fatalf("first get: cached=%v err=%v", cached, err)
	}
	// A new Client on the same directory, as on a rerun, sends nothing.
	c2 := &Client{BaseURL: srv.URL, MinInterval: -1, CacheDir: dir}
	body, cached, err := c2.get(context.Background(), u)
	if err != nil || !cached || string(body) != `{"cached":true}` {
		t.Fatalf("second get: body=%s cached=%v err=%v", body, cached, err)
	}
	if n := s.n.Load(); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || filepath.Base(cachePath(dir, u)) != ents[0].Name() {
		t.Errorf("cache holds %v, want only %s", ents, filepath.Base(cachePath(dir, u)))
	}
}

func TestCacheOnlyOK(t *testing.T) {
	dir := t.TempDir()
	s := &clientScript{codes: []int{404}}
	c, srv, _ := newTestClient(t, s)
	c.CacheDir = dir
	if _, _, err := c.get(context.Background(), srv.URL+"/questions/2"); err == nil {
		t.Fatal("want an error for a 404")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("cache holds %d files after a 404, want none", len(ents))
	}
}

func TestCacheOnlyJSON(t *testing.T) {
	dir := t.TempDir()
	c, srv, _ := newTestClient(t, &clientFakeAPI{raw: "<html>down for maintenance</html>"})
	c.CacheDir = dir
	if _, err := c.Search(context.Background(), Query{}, func(*Record) error { return nil }); err == nil {
		t.Fatal("want an error for a page that is not JSON")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("cache holds %d files after a non-JSON 200 from %s, want none", len(ents), srv.URL)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for h, want := range map[string]time.Duration{
		"":                              0,
		"120":                           2 * time.Minute,
		"-5":                            0,
		"99999999999999":                24 * time.Hour,
		"soon":                          0,
		"Thu, 01 Jan 2026 12:00:30 GMT": 30 * time.Second,
		"Thu, 01 Jan 2026 11:00:00 GMT": 0,
	} {
		if got := parseRetryAfter(h, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", h, got, want)
		}
	}
}

// clientFakeAPI serves list pages cut from items (with the envelope, honouring
// skip and take) and detail items by ID, counting requests and recording
// each list request's query.
type clientFakeAPI struct {
	items   []json.RawMessage
	details map[int][]byte
	// page, if set, replaces the items a list request gets.
	page func(skip, take int) []json.RawMessage
	// raw, if set, is served as the body of every list request.
	raw string

	mu        sync.Mutex
	requests  int
	queries   []url.Values
	detailIDs []int
}

func (f *clientFakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.requests++
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if id, ok := strings.CutPrefix(r.URL.Path, "/questions/"); ok {
		n, _ := strconv.Atoi(id)
		f.mu.Lock()
		f.detailIDs = append(f.detailIDs, n)
		f.mu.Unlock()
		b, ok := f.details[n]
		if !ok {
			http.Error(w, `{"status":404}`, http.StatusNotFound)
			return
		}
		w.Write(b)
		return
	}
	if r.URL.Path != "/questions" {
		http.Error(w, "no such endpoint", http.StatusNotFound)
		return
	}
	q := r.URL.Query()
	f.mu.Lock()
	f.queries = append(f.queries, q)
	f.mu.Unlock()
	if f.raw != "" {
		w.Write([]byte(f.raw))
		return
	}
	skip, _ := strconv.Atoi(q.Get("skip"))
	take, _ := strconv.Atoi(q.Get("take"))
	var page []json.RawMessage
	if f.page != nil {
		page = f.page(skip, take)
	} else {
		page = f.items[min(skip, len(f.items)):min(skip+take, len(f.items))]
	}
	if page == nil {
		page = []json.RawMessage{}
	}
	json.NewEncoder(w).Encode(map[string]any{"totalResults": len(f.items), "results": page})
}

func (f *clientFakeAPI) skips() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var s []string
	for _, q := range f.queries {
		s = append(s, q.Get("skip")+"/"+q.Get("take"))
	}
	return s
}

// clientReadItems reads a bare JSON array of API items.
func clientReadItems(t testing.TB, path string) []json.RawMessage {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	var items []json.RawMessage
	if err := json.Unmarshal(b, &items); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return items
}

func clientFixtureAPI(t *testing.T) *clientFakeAPI {
	t.Helper()
	detail, err := os.ReadFile(filepath.Join("testdata", "client", "detail_9000003.json"))
	if err != nil {
		t.Fatal(err)
	}
	return &clientFakeAPI{
		items:   clientReadItems(t, filepath.Join("testdata", "client", "items.json")),
		details: map[int][]byte{9000003: detail},
	}
}

func clientCollect(t *testing.T, c *Client, q Query) ([]*Record, int) {
	t.Helper()
	var recs []*Record
	total, err := c.Search(context.Background(), q, func(r *Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs, total
}

func clientIDs(recs []*Record) []string {
	var s []string
	for _, r := range recs {
		s = append(s, r.ID)
	}
	return s
}

func TestSearchPaging(t *testing.T) {
	api := clientFixtureAPI(t)
	c, _, _ := newTestClient(t, api)
	c.Summary = &Summary{}
	recs, total := clientCollect(t, c, Query{SearchTerm: "testing", Bodies: []int{9011, 9012}, PageSize: 2})
	if total != 5 {
		t.Errorf("total = %d, want 5", total)
	}
	want := []string{"api:9000001", "api:9000002", "api:9000003", "api:9000004", "api:9000005"}
	if got := clientIDs(recs); !slices.Equal(got, want) {
		t.Errorf("records = %v, want %v", got, want)
	}
	if got, want := api.skips(), []string{"0/2", "2/2", "4/2"}; !slices.Equal(got, want) {
		t.Errorf("pages (skip/take) = %v, want %v", got, want)
	}
	for _, q := range api.queries {
		if q.Get("searchTerm") != "testing" || !slices.Equal(q["answeringBodies"], []string{"9011", "9012"}) {
			t.Errorf("server got query %v", q)
		}
	}
	s := c.Summary
	if s.Read[SourceAPI] != 5 || s.Truncated != 1 || len(s.Files) != 3 || len(s.Problems) != 0 {
		t.Errorf("summary: read %v, truncated %d, %d files, %d problems; want 5, 1, 3, 0", s.Read, s.Truncated, len(s.Files), len(s.Problems))
	}
	if r := recs[2]; !r.Truncated || r.Department != "Department for Testing" || r.DepartmentID != 9011 {
		t.Errorf("record 3 = %+v", r)
	}
}

// TestSearchRealPages serves three pages cut from a real list file and
// checks that the client delivers exactly what reading the file does.
func TestSearchRealPages(t *testing.T) {
	items := clientReadItems(t, filepath.Join(shared.Path(t, "data/api/list"), "2024-08.json.gz"))[:25]
	api := &clientFakeAPI{items: items}
	c, _, _ := newTestClient(t, api)
	recs, total := clientCollect(t, c, Query{TabledFrom: time.Date(2024, 8, 1, 0, 0, 0, 0, time.UTC), PageSize: 10})
	if total != 25 || len(recs) != 25 {
		t.Fatalf("total %d, delivered %d; want 25, 25", total, len(recs))
	}
	if got, want := api.skips(), []string{"0/10", "10/10", "20/10"}; !slices.Equal(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
	arr, _ := json.Marshal(items)
	r := NewAPIReader(bytes.NewReader(arr), "direct", nil, nil)
	for i := 0; ; i++ {
		want, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(recs[i], want) {
			t.Errorf("record %d through the client:\n%+v\nread directly:\n%+v", i, recs[i], want)
		}
	}
}

func TestSearchLimit(t *testing.T) {
	api := clientFixtureAPI(t)
	c, _, _ := newTestClient(t, api)
	recs, total := clientCollect(t, c, Query{PageSize: 2, Limit: 3})
	if total != 5 || len(recs) != 3 {
		t.Errorf("total %d, delivered %d; want 5, 3", total, len(recs))
	}
	// The last page asks only for what the limit still needs.
	if got, want := api.skips(), []string{"0/2", "2/1"}; !slices.Equal(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
}

func TestSearchDuplicateAcrossPages(t *testing.T) {
	api := clientFixtureAPI(t)
	// A question tabled while paging shifts the list by one: the second page
	// starts with the last item of the first.
	api.page = func(skip, take int) []json.RawMessage {
		if skip > 0 {
			skip--
		}
		return api.items[min(skip, len(api.items)):min(skip+take, len(api.items))]
	}
	c, _, _ := newTestClient(t, api)
	c.Summary = &Summary{}
	recs, _ := clientCollect(t, c, Query{PageSize: 3})
	if len(recs) != 5 {
		t.Errorf("delivered %v, want all 5 once", clientIDs(recs))
	}
	if got := c.Summary.Skipped["api: duplicate id across pages"]; got != 1 {
		t.Errorf("duplicates skipped = %d, want 1 (skipped: %v)", got, c.Summary.Skipped)
	}
}

func TestSearchStopsOnCallbackError(t *testing.T) {
	api := clientFixtureAPI(t)
	c, _, _ := newTestClient(t, api)
	stop := errors.New("enough")
	n := 0
	_, err := c.Search(context.Background(), Query{PageSize: 2}, func(*Record) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 || len(api.queries) != 2 {
		t.Errorf("err = %v after %d records and %d pages; want the callback's error after 3 and 2", err, n, len(api.queries))
	}
}

func TestSearchBadJSON(t *testing.T) {
	for body, want := range map[string]string{
		`{"totalResults": 3, "results": [{"value": {"id": 1`: "invalid JSON",
		`<html>Service unavailable</html>`:                   "invalid JSON",
		`[{"value": {"id": 1}}]`:                             "not a list response",
		`{"results": []}`:                                    "not a list response",
	} {
		c, srv, _ := newTestClient(t, &clientFakeAPI{raw: body})
		_, err := c.Search(context.Background(), Query{}, func(*Record) error { return nil })
		if err == nil || !strings.Contains(err.Error(), srv.URL+"/questions?expandMember=true&skip=0&take=100") || !strings.Contains(err.Error(), want) {
			t.Errorf("body %s: err = %v; want %q naming the URL", body, err, want)
		}
	}
}

func TestQuestionBadJSON(t *testing.T) {
	api := &clientFakeAPI{details: map[int][]byte{7: []byte(`{"value": {"id": 7, "uin": `)}}
	c, srv, _ := newTestClient(t, api)
	_, err := c.Question(context.Background(), 7)
	if err == nil || !strings.Contains(err.Error(), srv.URL+"/questions/7") || !strings.Contains(err.Error(), "invalid JSON") {
		t.Errorf("err = %v; want invalid JSON naming the URL", err)
	}
}

func TestSearchBadRecord(t *testing.T) {
	api := clientFixtureAPI(t)
	api.items = slices.Clone(api.items)
	api.items[1] = json.RawMessage(`{"value": {"id": 9000002, "dateTabled": "yesterday"}}`)
	// Strict: the record's problem, naming the page and item, stops Search.
	c, srv, _ := newTestClient(t, api)
	_, err := c.Search(context.Background(), Query{PageSize: 2}, func(*Record) error { return nil })
	var p *Problem
	if !errors.As(err, &p) || p.File != srv.URL+"/questions?expandMember=true&skip=0&take=2" || p.Record != "item 2" || p.Field != "dateTabled" {
		t.Errorf("strict: err = %v (%#v); want a problem at item 2 of the first page, field dateTabled", err, p)
	}
	// Lenient: collected, and the rest delivered.
	c.Lenient = true
	c.Summary = &Summary{}
	recs, _ := clientCollect(t, c, Query{PageSize: 2})
	if len(recs) != 4 || len(c.Summary.Problems) != 1 || c.Summary.Read[SourceAPI] != 4 {
		t.Errorf("lenient: delivered %v, problems %v", clientIDs(recs), c.Summary.Problems)
	}
}

func TestSearchCacheRerun(t *testing.T) {
	api := clientFixtureAPI(t)
	dir := t.TempDir()
	c, srv, _ := newTestClient(t, api)
	c.CacheDir = dir
	first, _ := clientCollect(t, c, Query{PageSize: 2})
	if api.requests != 3 {
		t.Fatalf("first run sent %d requests, want 3", api.requests)
	}
	// A rerun with a fresh Client on the same cache sends nothing.
	c2 := &Client{BaseURL: srv.URL, CacheDir: dir, MinInterval: -1}
	again, total := clientCollect(t, c2, Query{PageSize: 2})
	if api.requests != 3 {
		t.Errorf("rerun sent %d requests, want 0", api.requests-3)
	}
	if total != 5 || !reflect.DeepEqual(first, again) {
		t.Errorf("rerun delivered %v (total %d), want %v", clientIDs(again), total, clientIDs(first))
	}
}

func TestHydrate(t *testing.T) {
	api := clientFixtureAPI(t)
	c, _, _ := newTestClient(t, api)
	c.Summary = &Summary{}
	recs, _ := clientCollect(t, c, Query{PageSize: 5})
	for _, r := range recs {
		if err := c.Hydrate(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	// Only the truncated record needed the detail endpoint.
	if !slices.Equal(api.detailIDs, []int{9000003}) {
		t.Errorf("detail requests = %v, want [9000003]", api.detailIDs)
	}
	r := recs[2]
	if r.Truncated || !strings.HasSuffix(r.Question, "; and whether he will publish them.") ||
		!strings.HasPrefix(r.AnswerHTML, "<p>The Department writes") ||
		!strings.HasSuffix(r.Answer, "returns them in full.") || strings.Count(r.Answer, "\n\n") != 2 {
		t.Errorf("hydrated record = %+v", r)
	}
	if s := c.Summary; s.Hydrated != 1 || s.Truncated != 0 || s.Read[SourceAPI] != 5 {
		t.Errorf("summary: hydrated %d, truncated %d, read %v; want 1, 0, 5", s.Hydrated, s.Truncated, s.Read)
	}
	if err := c.Hydrate(context.Background(), &Record{ID: "twfy:2009-10-26f.1.q0", Source: SourceTheyWorkForYou, Truncated: true}); err == nil {
		t.Error("hydrating a TheyWorkForYou record: want an error")
	}
}

// TestHydrateReal clips the real detail fixture as the list endpoint does
// and checks that hydration restores it exactly.
func TestHydrateReal(t *testing.T) {
	detail, err := os.ReadFile(filepath.Join(shared.Path(t, "data/api/fixtures"), "detail_response_question_1679416.json"))
	if err != nil {
		t.Fatal(err)
	}
	var item map[string]any
	if err := json.Unmarshal(detail, &item); err != nil {
		t.Fatal(err)
	}
	value := item["value"].(map[string]any)
	full := value["answerText"].(string)
	plain := []rune(HTMLToText(full))
	value["answerText"] = string(plain[:ListClipRunes]) + "..."
	value["answeringMemberId"] = nil // to see that the list's metadata stays
	listItem := clientMust(json.Marshal(item))
	api := &clientFakeAPI{items: []json.RawMessage{listItem}, details: map[int][]byte{1679416: detail}}
	c, _, _ := newTestClient(t, api)
	recs, _ := clientCollect(t, c, Query{})
	if len(recs) != 1 || !recs[0].Truncated {
		t.Fatalf("list records = %+v, want one truncated", recs)
	}
	r := recs[0]
	if err := c.Hydrate(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if r.Truncated || r.AnswerHTML != full || r.Answer != HTMLToText(full) {
		t.Errorf("hydrated: truncated %v, answer %q", r.Truncated, r.Answer)
	}
	// The list's metadata stays: the answer was there already.
	if r.Answerer.ID != 0 {
		t.Errorf("answerer = %+v, want the list's (unknown)", r.Answerer)
	}
}

func TestHydrateLateAnswer(t *testing.T) {
	api := clientFixtureAPI(t)
	// The list was fetched before question 9000003 was answered.
	var item map[string]any
	if err := json.Unmarshal(api.items[2], &item); err != nil {
		t.Fatal(err)
	}
	value := item["value"].(map[string]any)
	value["answerText"] = nil
	value["dateAnswered"] = nil
	value["answeringMemberId"] = nil
	api.items = []json.RawMessage{clientMust(json.Marshal(item))}
	c, _, _ := newTestClient(t, api)
	recs, _ := clientCollect(t, c, Query{})
	r := recs[0]
	if !r.Truncated || r.Answered() {
		t.Fatalf("list record: truncated %v, answered %v; want true, false", r.Truncated, r.Answered())
	}
	if err := c.Hydrate(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if r.Truncated || r.Answer == "" || r.DateAnswered != time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC) || r.Answerer.ID != 9002 {
		t.Errorf("after hydration: %+v; want the answer with its date and answerer", r)
	}
}

func clientMust[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestQuestion(t *testing.T) {
	api := clientFixtureAPI(t)
	c, srv, _ := newTestClient(t, api)
	r, err := c.Question(context.Background(), 9000003)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "api:9000003" || r.Truncated || r.AnswerHTML == "" {
		t.Errorf("question = %+v", r)
	}
	_, err = c.Question(context.Background(), 12345)
	var he *HTTPError
	if !errors.As(err, &he) || he.StatusCode != 404 || !strings.Contains(err.Error(), srv.URL+"/questions/12345") {
		t.Errorf("unknown question: err = %v, want a 404 naming the URL", err)
	}
	// The detail endpoint answering with another question is an error.
	api.details[42] = api.details[9000003]
	if _, err := c.Question(context.Background(), 42); err == nil || !strings.Contains(err.Error(), "asked for question 42") {
		t.Errorf("mismatched detail: err = %v", err)
	}
}

func TestGetNetworkErrorRetried(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL + "/questions/1"
	srv.Close() // nothing listens there now
	w := &clientWaits{}
	c := &Client{BaseURL: srv.URL, MinInterval: -1, MaxRetries: 2, sleep: w.sleep}
	_, _, err := c.get(context.Background(), u)
	if err == nil || !strings.Contains(err.Error(), u) || !strings.HasSuffix(err.Error(), "(after 3 attempts)") {
		t.Errorf("err = %v, want a network error naming %s after 3 attempts", err, u)
	}
	if got, want := w.got(), []time.Duration{time.Second, 2 * time.Second}; !slices.Equal(got, want) {
		t.Errorf("waits = %v, want %v (network errors are retried)", got, want)
	}
}

func TestSearchCountMismatch(t *testing.T) {
	api := clientFixtureAPI(t)
	// The API says 5 questions but the last page comes back empty, as when
	// a question is withdrawn while the list is paged.
	api.page = func(skip, take int) []json.RawMessage {
		if skip >= 4 {
			return nil
		}
		return api.items[skip:min(skip+take, 4)]
	}
	c, srv, _ := newTestClient(t, api)
	c.Summary = &Summary{}
	recs, total := clientCollect(t, c, Query{PageSize: 2})
	if len(recs) != 4 || total != 5 {
		t.Fatalf("delivered %d of total %d, want 4 of 5", len(recs), total)
	}
	ps := c.Summary.Problems
	if len(ps) != 1 || ps[0].Field != "totalResults" || ps[0].File != srv.URL+"/questions?expandMember=true&skip=0&take=2" ||
		!strings.Contains(ps[0].Error(), "reported 5 questions (5 on the first page) but 4 distinct were read") {
		t.Errorf("problems = %v, want one naming the count mismatch", ps)
	}
}

// BenchmarkClientSearch pages through a real month of list items (100 to
// a page) from a local server, to measure the client's own cost per record
// (decoding included) apart from the network and the rate limit; with
// -benchmem it shows the allocation per page.
func BenchmarkClientSearch(b *testing.B) {
	items := clientReadItems(b, filepath.Join(shared.Path(b, "data/api/list"), "2025-07.json.gz"))
	api := &clientFakeAPI{items: items}
	srv := httptest.NewServer(api)
	defer srv.Close()
	for _, cached := range []bool{false, true} {
		name := "network"
		if cached {
			name = "cached"
		}
		b.Run(name, func(b *testing.B) {
			c := &Client{BaseURL: srv.URL, MinInterval: -1}
			if cached {
				c.CacheDir = b.TempDir()
				if _, err := c.Search(context.Background(), Query{}, func(*Record) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
			n := 0
			for b.Loop() {
				if _, err := c.Search(context.Background(), Query{}, func(*Record) error { n++; return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// TestGetRateLimitConcurrent checks that goroutines sharing a Client each
// reserve their own slot, MinInterval apart, rather than all starting
// together when the interval has passed.
func TestGetRateLimitConcurrent(t *testing.T) {
	s := &clientScript{body: "{}"}
	c, srv, w := newTestClient(t, s)
	c.MinInterval = time.Hour
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, err := c.get(context.Background(), srv.URL+"/questions/1"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	ds := w.got()
	slices.Sort(ds)
	if len(ds) != 4 {
		t.Fatalf("waits = %v, want 4", ds)
	}
	for i, d := range ds {
		// Slot i starts i hours after the first; allow for the time the
		// goroutines took to reach the limiter.
		if want := time.Duration(i) * time.Hour; d > want || d < want-time.Minute {
			t.Errorf("wait %d = %v, want about %v", i, d, want)
		}
	}
}
