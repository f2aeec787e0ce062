package corpus

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// waits records the backoff and rate-limit waits a Client chose, without
// waiting for them.
type waits struct {
	mu sync.Mutex
	ds []time.Duration
}

func (w *waits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	w.ds = append(w.ds, d)
	w.mu.Unlock()
	return ctx.Err()
}

func (w *waits) got() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.ds)
}

// scripted serves the given status codes in turn (200 with body once the
// script runs out), with the Retry-After header given for each, and counts
// requests.
type scripted struct {
	codes      []int
	retryAfter []string
	body       string
	n          atomic.Int32
	onRequest  func(n int)
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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

func testClient(t *testing.T, h http.Handler) (*Client, *httptest.Server, *waits) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	w := &waits{}
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
		ExpandMember:     true,
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
	// The zero query asks for everything, one page at a time.
	v, err = Query{}.values()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := (&Client{}).listURL(v, 0, 100), DefaultBaseURL+"/questions?skip=0&take=100"; got != want {
		t.Errorf("zero query URL = %s, want %s", got, want)
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
	c, srv, _ := testClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
	s := &scripted{codes: []int{429}, retryAfter: []string{"7"}, body: `{"ok":1}`}
	c, srv, w := testClient(t, s)
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
	s := &scripted{codes: []int{503, 503}, body: `{"ok":2}`}
	c, srv, w := testClient(t, s)
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
	s := &scripted{codes: []int{500, 502, 503, 504, 503, 503, 503}}
	c, srv, w := testClient(t, s)
	c.MaxRetries = 3
	u := srv.URL + "/questions?skip=0&take=100"
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
	s := &scripted{codes: []int{404}}
	c, srv, _ := testClient(t, s)
	_, _, err := c.get(context.Background(), srv.URL+"/questions/9")
	var he *HTTPError
	if !errors.As(err, &he) || he.StatusCode != 404 || s.n.Load() != 1 {
		t.Errorf("err = %v after %d requests, want a 404 after 1", err, s.n.Load())
	}
}

func TestGetRetryAfterTooLong(t *testing.T) {
	s := &scripted{codes: []int{503, 503}, retryAfter: []string{"86400"}}
	c, srv, w := testClient(t, s)
	_, _, err := c.get(context.Background(), srv.URL+"/questions/1")
	if err == nil || !strings.Contains(err.Error(), "retry after 24h0m0s") || s.n.Load() != 1 || len(w.got()) != 0 {
		t.Errorf("err = %v after %d requests, waits %v; want a give-up naming the wait after 1 request", err, s.n.Load(), w.got())
	}
}

func TestGetCancelDuringBackoff(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &scripted{codes: []int{503, 503}, retryAfter: []string{"300"}}
	c, srv, _ := testClient(t, s)
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
	s := &scripted{body: "{}"}
	c, srv, w := testClient(t, s)
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
	s := &scripted{body: `{"cached":true}`}
	c, srv, _ := testClient(t, s)
	c.CacheDir = dir
	u := srv.URL + "/questions?skip=0&take=100"
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
	s := &scripted{codes: []int{404}}
	c, srv, _ := testClient(t, s)
	c.CacheDir = dir
	if _, _, err := c.get(context.Background(), srv.URL+"/questions/2"); err == nil {
		t.Fatal("want an error for a 404")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("cache holds %d files after a 404, want none", len(ents))
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for h, want := range map[string]time.Duration{
		"":                              0,
		"120":                           2 * time.Minute,
		"-5":                            0,
		"soon":                          0,
		"Thu, 01 Jan 2026 12:00:30 GMT": 30 * time.Second,
		"Thu, 01 Jan 2026 11:00:00 GMT": 0,
	} {
		if got := parseRetryAfter(h, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", h, got, want)
		}
	}
}
