package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parlance-go/parlance/internal/version"
)

// DefaultBaseURL is the live UK Parliament Written Questions API.
const DefaultBaseURL = "https://writtenquestions-api.parliament.uk/api/writtenquestions"

// Defaults a zero Client field stands for.
const (
	// DefaultMinInterval is the pause between two requests a Client sends:
	// at most two requests a second, which the Parliament API serves without
	// complaint and which fetches a month of Commons questions (about 3,000,
	// 30 pages of 100) in a quarter of a minute.
	DefaultMinInterval = 500 * time.Millisecond
	// DefaultMaxRetries is how many times a request that failed with 429,
	// a 5xx status or a network error is sent again before giving up.
	DefaultMaxRetries = 4
	// DefaultPageSize is the number of questions asked for per list page.
	DefaultPageSize = 100
	// DefaultTimeout bounds one request, body included, when Client.HTTPClient
	// is nil.
	DefaultTimeout = 60 * time.Second
)

const (
	// backoffBase is the wait before the first retry; the n-th retry
	// (n = 0, 1, …) waits backoffBase·2ⁿ, capped at backoffMax, or longer if
	// the server's Retry-After asks for it.
	backoffBase = time.Second
	backoffMax  = time.Minute
	// maxRetryAfter is the longest Retry-After a Client waits for. A server
	// asking for more is, for a command-line fetch, as good as down: the
	// request fails with the wait named rather than hanging for hours.
	maxRetryAfter = 10 * time.Minute
	// maxBody guards against a runaway response. A list page of 100 is
	// about 150 KB, a detail item rarely over 100 KB.
	maxBody = 64 << 20
)

// defaultHTTPClient is shared by Clients with a nil HTTPClient, so that they
// share its connection pool.
var defaultHTTPClient = &http.Client{Timeout: DefaultTimeout}

// Client fetches written questions from the UK Parliament Written Questions
// API politely: requests start at least MinInterval apart, and 429 and 5xx
// responses and network errors are retried with exponential backoff
// (1 s, 2 s, 4 s, … capped at a minute) that honours Retry-After,
// and optionally caching every successful response on disk so that a rerun
// sends no request at all.
//
// The zero value is ready to use against the live API with no cache. A
// Client is safe for concurrent use; the rate limit is shared by all
// goroutines using it. It must not be copied after first use.
type Client struct {
	// BaseURL is the API root, without a trailing slash;
	// "" means DefaultBaseURL.
	BaseURL string
	// HTTPClient sends the requests; nil means a client with a
	// DefaultTimeout timeout per request.
	HTTPClient *http.Client
	// CacheDir, if not "", is a directory in which every 200 response that
	// is valid JSON is stored, keyed by the SHA-256 of its full URL. A
	// request whose response is cached is answered from the file without
	// touching the network or waiting for the rate limit. The cache never
	// expires (the API's answers to a past query change when questions are
	// answered or corrected): delete the directory, or use a new one, to
	// fetch afresh.
	CacheDir string
	// MinInterval is the least time between the starts of two requests sent
	// over the network. Zero means DefaultMinInterval (500 ms); negative means no
	// limit (for tests against a local server).
	MinInterval time.Duration
	// MaxRetries is how many times a request is retried after a 429, a 5xx
	// or a network error. Zero means DefaultMaxRetries; negative means none.
	MaxRetries int
	// MaxWait, if positive, bounds the time one request may take, all its
	// attempts and the waits between them included: an attempt is cut off
	// when it runs out, and no retry is begun whose wait would pass it.
	// The error then names the URL, the time and the last error. Zero
	// means no bound beyond MaxRetries and the HTTP client's timeout.
	MaxWait time.Duration
	// OnRetry, if not nil, is called before each wait for a retry, so that
	// a program can show it (parlance fetch prints it on stderr).
	OnRetry func(Retry)
	// UserAgent is sent with every request; "" means
	// "parlance/<version> (+https://github.com/parlance-go/parlance)".
	UserAgent string
	// Registry normalises answering-body names; nil means DefaultRegistry().
	Registry *Registry
	// Summary, if not nil, accounts for every record Search and Question
	// decode: the pages read (as Files), records read and truncated,
	// duplicates skipped across pages, unknown bodies and, when Lenient,
	// problems. Nil means that accounting is discarded. It is updated
	// without locking, so a Client with a Summary must be used by one
	// goroutine at a time.
	Summary *Summary
	// Lenient makes Search collect a record it cannot decode as a *Problem
	// in Summary.Problems and go on; by default such a record stops Search
	// with the *Problem as its error. Either way nothing is dropped
	// silently. A response that is not valid JSON always stops Search.
	Lenient bool

	mu         sync.Mutex
	next       time.Time // earliest start of the next network request
	defaultReg *Registry // DefaultRegistry(), when Registry is nil

	// sleep waits for d or until ctx is done; nil means sleepCtx. Tests
	// replace it to see the backoff a Client chose without waiting for it.
	sleep func(ctx context.Context, d time.Duration) error
}

// Retry describes a retry about to be waited for: the URL, the attempt that
// failed (1 for the first), how many retries MaxRetries allows in all, the
// wait before the next attempt and the error of the failed one.
type Retry struct {
	URL      string
	Attempt  int
	Retries  int
	Wait     time.Duration
	Err      error
	Deadline time.Time // when MaxWait runs out; zero if there is no bound
}

// HTTPError is the error of a request that got a non-200 response, after
// any retries.
type HTTPError struct {
	URL        string // the URL requested
	StatusCode int    // e.g. 503
	Status     string // e.g. "503 Service Unavailable"
	Attempts   int    // how many times the request was sent
	Body       string // the start of the response body, for diagnosis
}

// Error reads "GET <url>: <status> (after <n> attempts): <body start>".
func (e *HTTPError) Error() string {
	s := "GET " + e.URL + ": " + e.Status
	if e.Attempts > 1 {
		s += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	if e.Body != "" {
		s += ": " + strconv.Quote(e.Body)
	}
	return s
}

// retryable reports whether a request that got status code may succeed if
// sent again: 429 Too Many Requests and every 5xx.
func retryable(code int) bool {
	return code == http.StatusTooManyRequests || code >= 500 && code <= 599
}

func (c *Client) baseURL() string {
	if c.BaseURL == "" {
		return DefaultBaseURL
	}
	return strings.TrimRight(c.BaseURL, "/")
}

func (c *Client) httpClient() *http.Client {
	if c.HTTPClient == nil {
		return defaultHTTPClient
	}
	return c.HTTPClient
}

func (c *Client) userAgent() string {
	if c.UserAgent == "" {
		return "parlance/" + version.Version + " (+https://github.com/parlance-go/parlance)"
	}
	return c.UserAgent
}

func (c *Client) maxRetries() int {
	switch {
	case c.MaxRetries == 0:
		return DefaultMaxRetries
	case c.MaxRetries < 0:
		return 0
	}
	return c.MaxRetries
}

// registry returns c.Registry, or the default registry, built once per
// Client since building it is not free.
func (c *Client) registry() *Registry {
	if c.Registry != nil {
		return c.Registry
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.defaultReg == nil {
		c.defaultReg = DefaultRegistry()
	}
	return c.defaultReg
}

// wait blocks until the rate limit lets a request start, or ctx is done.
// Each caller reserves the next free slot before sleeping, so concurrent
// callers are spaced MinInterval apart rather than all waking together.
func (c *Client) wait(ctx context.Context) error {
	interval := c.MinInterval
	if interval == 0 {
		interval = DefaultMinInterval
	}
	if interval < 0 {
		return ctx.Err()
	}
	c.mu.Lock()
	now := time.Now()
	start := c.next
	if start.Before(now) {
		start = now
	}
	c.next = start.Add(interval)
	c.mu.Unlock()
	return c.doSleep(ctx, start.Sub(now))
}

func (c *Client) doSleep(ctx context.Context, d time.Duration) error {
	if c.sleep != nil {
		return c.sleep(ctx, d)
	}
	return sleepCtx(ctx, d)
}

// sleepCtx waits for d, returning ctx.Err() at once if ctx is done first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// backoff returns the wait before retry n (n = 0 for the first retry):
// backoffBase·2ⁿ capped at backoffMax, or retryAfter if that is longer.
func backoff(n int, retryAfter time.Duration) time.Duration {
	d := backoffMax
	if n < 16 {
		d = min(backoffBase<<n, backoffMax)
	}
	return max(d, retryAfter)
}

// parseRetryAfter reads a Retry-After header, which is either a number of
// seconds or an HTTP date (RFC 9110 §10.2.3). It returns 0 if the header is
// absent or unreadable, and a date in the past also means no wait.
func parseRetryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil {
		// Clamp to a day, beyond which the exact wait no longer matters
		// (it is refused anyway) and the multiplication could overflow.
		return time.Duration(min(max(s, 0), 86400)) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

// get returns the body of a 200 response to GET rawURL, and whether it came
// from the cache. It serves from the cache when it can, waits for the rate
// limit, and retries 429, 5xx and network errors. Every error names rawURL;
// cancellation of ctx returns an error that wraps ctx.Err().
func (c *Client) get(ctx context.Context, rawURL string) (body []byte, cached bool, err error) {
	if b, ok, err := cacheGet(c.CacheDir, rawURL); err != nil || ok {
		return b, ok, err
	}
	retries := c.maxRetries()
	start := time.Now()
	var deadline time.Time
	if c.MaxWait > 0 {
		deadline = start.Add(c.MaxWait)
	}
	gaveUp := func(attempts int, last error) error {
		return fmt.Errorf("GET %s: gave up after %d attempt(s) in %v (the most one request may take: %v); the last error: %w",
			rawURL, attempts, time.Since(start).Round(100*time.Millisecond), c.MaxWait, last)
	}
	for attempt := 0; ; attempt++ {
		if err := c.wait(ctx); err != nil {
			return nil, false, fmt.Errorf("GET %s: %w", rawURL, err)
		}
		actx, cancel := ctx, context.CancelFunc(func() {})
		if !deadline.IsZero() {
			actx, cancel = context.WithDeadline(ctx, deadline)
		}
		body, retryAfter, err := c.do(actx, rawURL)
		cancel()
		if err != nil && ctx.Err() == nil && !deadline.IsZero() && !time.Now().Before(deadline) {
			return nil, false, gaveUp(attempt+1, err)
		}
		if err == nil {
			// Every endpoint answers JSON. A 200 that is not JSON (a proxy's
			// maintenance page, a body cut short) is passed on for the caller
			// to report, but not cached, so that a rerun asks again.
			if json.Valid(body) {
				if err := cachePut(c.CacheDir, rawURL, body); err != nil {
					return nil, false, err
				}
			}
			return body, false, nil
		}
		if ctx.Err() != nil {
			return nil, false, fmt.Errorf("GET %s: %w", rawURL, ctx.Err())
		}
		var he *HTTPError
		isHTTP := errors.As(err, &he)
		if isHTTP {
			he.Attempts = attempt + 1
		}
		if isHTTP && !retryable(he.StatusCode) {
			return nil, false, err
		}
		if attempt >= retries {
			if !isHTTP && attempt > 0 {
				err = fmt.Errorf("%w (after %d attempts)", err, attempt+1)
			}
			return nil, false, err
		}
		if retryAfter > maxRetryAfter {
			return nil, false, fmt.Errorf("%w; the server asks to retry after %v, longer than parlance waits (%v)", err, retryAfter, maxRetryAfter)
		}
		wait := backoff(attempt, retryAfter)
		if !deadline.IsZero() && time.Now().Add(wait).After(deadline) {
			return nil, false, gaveUp(attempt+1, err)
		}
		if c.OnRetry != nil {
			c.OnRetry(Retry{URL: rawURL, Attempt: attempt + 1, Retries: retries, Wait: wait, Err: err, Deadline: deadline})
		}
		if serr := c.doSleep(ctx, wait); serr != nil {
			return nil, false, fmt.Errorf("%w; stopped waiting to retry: %w", err, serr)
		}
	}
}

// do sends one GET. It returns the body of a 200 response; otherwise an
// error (an *HTTPError for a response with another status) and the wait the
// server asked for in Retry-After.
func (c *Client) do(ctx context.Context, rawURL string) ([]byte, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("GET %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", c.userAgent())
	req.Header.Set("Accept", "application/json")
	resp, err := c.httpClient().Do(req)
	if err != nil {
		return nil, 0, err // a *url.Error, which names the method and URL
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
		return nil, parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()), &HTTPError{
			URL:        rawURL,
			StatusCode: resp.StatusCode,
			Status:     resp.Status,
			Body:       strings.TrimSpace(string(snippet)),
		}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, 0, fmt.Errorf("GET %s: reading body: %w", rawURL, err)
	}
	if len(body) > maxBody {
		return nil, 0, fmt.Errorf("GET %s: response larger than %d bytes", rawURL, maxBody)
	}
	return body, 0, nil
}

// Query selects questions from the API's list endpoint. Every zero field
// leaves its filter out, so the zero Query asks for all questions.
type Query struct {
	SearchTerm   string    // words to find in the question or answer (searchTerm)
	TabledFrom   time.Time // tabled on or after this date (tabledWhenFrom)
	TabledTo     time.Time // tabled on or before this date (tabledWhenTo)
	AnsweredFrom time.Time // answered on or after this date (answeredWhenFrom)
	AnsweredTo   time.Time // answered on or before this date (answeredWhenTo)
	// Answered is "" for any question, "Answered" or "Unanswered".
	Answered     string
	Bodies       []int  // answering-body IDs, any of which (answeringBodies)
	Members      []int  // member IDs who asked or answered, any of (members)
	AskingMember int    // the asking member's ID (askingMemberId)
	House        House  // Commons, Lords or Bicameral (house)
	UIN          string // the question's number (uIN)
	// IncludeWithdrawn asks for withdrawn questions too (includeWithdrawn).
	IncludeWithdrawn bool
	// OmitMembers leaves out members' names and parties. By default the
	// client asks for them (expandMember=true), so that records name their
	// askers and answerers rather than carrying bare member IDs.
	OmitMembers bool
	// PageSize is the number of questions per request (take); 0 means
	// DefaultPageSize.
	PageSize int
	// Limit stops Search after this many records; 0 means all.
	Limit int
}

// values returns the query's list-endpoint parameters, without skip and
// take. Dates are civil dates (the time's own calendar day, not shifted to
// UTC); repeated IDs are sorted so that equal queries encode equally and
// hit the same cache entry.
func (q Query) values() (url.Values, error) {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	date := func(k string, t time.Time) {
		if !t.IsZero() {
			v.Set(k, t.Format(DateLayout))
		}
	}
	ids := func(k string, xs []int) error {
		xs = slices.Clone(xs)
		slices.Sort(xs)
		for _, x := range slices.Compact(xs) {
			if x <= 0 {
				return fmt.Errorf("query: %s: invalid ID %d", k, x)
			}
			v.Add(k, strconv.Itoa(x))
		}
		return nil
	}
	set("searchTerm", strings.TrimSpace(q.SearchTerm))
	date("tabledWhenFrom", q.TabledFrom)
	date("tabledWhenTo", q.TabledTo)
	date("answeredWhenFrom", q.AnsweredFrom)
	date("answeredWhenTo", q.AnsweredTo)
	switch q.Answered {
	case "", "Answered", "Unanswered":
		set("answered", q.Answered)
	default:
		return nil, fmt.Errorf("query: Answered is %q; want \"\", \"Answered\" or \"Unanswered\"", q.Answered)
	}
	if err := ids("answeringBodies", q.Bodies); err != nil {
		return nil, err
	}
	if err := ids("members", q.Members); err != nil {
		return nil, err
	}
	if q.AskingMember < 0 {
		return nil, fmt.Errorf("query: askingMemberId: invalid ID %d", q.AskingMember)
	}
	if q.AskingMember > 0 {
		v.Set("askingMemberId", strconv.Itoa(q.AskingMember))
	}
	switch q.House {
	case HouseUnset, Commons, Lords, Bicameral:
		set("house", string(q.House))
	default:
		return nil, fmt.Errorf("query: House is %q; want \"\", %q, %q or %q", q.House, Commons, Lords, Bicameral)
	}
	set("uIN", strings.TrimSpace(q.UIN))
	if q.IncludeWithdrawn {
		v.Set("includeWithdrawn", "true")
	}
	if !q.OmitMembers {
		v.Set("expandMember", "true")
	}
	if q.PageSize < 0 {
		return nil, fmt.Errorf("query: PageSize is %d; want 0 (default) or more", q.PageSize)
	}
	if q.Limit < 0 {
		return nil, fmt.Errorf("query: Limit is %d; want 0 (all) or more", q.Limit)
	}
	return v, nil
}

// listURL returns the list endpoint's URL for q's page starting at skip.
// url.Values.Encode sorts the keys, so the URL is the same for equal queries.
func (c *Client) listURL(v url.Values, skip, take int) string {
	v.Set("skip", strconv.Itoa(skip))
	v.Set("take", strconv.Itoa(take))
	return c.baseURL() + "/questions?" + v.Encode()
}

// questionURL returns the detail endpoint's URL for question id.
func (c *Client) questionURL(id int) string {
	return c.baseURL() + "/questions/" + strconv.Itoa(id)
}

func (c *Client) summary() *Summary {
	if c.Summary == nil {
		return &Summary{}
	}
	return c.Summary
}

// responseName names a response in errors and problems: its URL, and the
// cache file it was read from, if it was, so that a user can delete a bad
// one.
func (c *Client) responseName(rawURL string, cached bool) string {
	if cached {
		return rawURL + " (cached in " + cachePath(c.CacheDir, rawURL) + ")"
	}
	return rawURL
}

// checkJSON returns an error locating the first syntax error in body, if it
// is not valid JSON. A server's error page sent with status 200, or a body
// cut short, is caught here with the response named, rather than surfacing
// as a decoding problem deep in a page.
func checkJSON(body []byte) error {
	if json.Valid(body) {
		return nil
	}
	var x any
	err := json.Unmarshal(body, &x)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("invalid JSON at byte %d: %w", se.Offset, err)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// listEnvelope is the list endpoint's response, read only for its count and
// the number of items on the page; the items themselves are decoded by
// APIReader.
type listEnvelope struct {
	TotalResults *int              `json:"totalResults"`
	Results      []json.RawMessage `json:"results"`
}

// Search streams to fn every question the list endpoint gives for q, page
// by page (skip = 0, PageSize, 2·PageSize, … with take = PageSize), in the
// API's order, and returns the API's totalResults: the number of questions
// matching q, which may exceed the number delivered when q.Limit stops
// Search early.
//
// The list endpoint clips question and answer texts to ListClipRunes
// characters (such records have Truncated set); use Hydrate to fetch the
// full texts of the records that need them. A question that appears on two
// pages, as happens when questions are tabled while paging shifts the
// list, is delivered once and the repeat counted in Summary.Skipped.
//
// Search stops at the first error: a request that failed after its
// retries, a response that is not a list page, a record that cannot be
// decoded (unless Lenient), cancellation of ctx, or an error returned by
// fn, which Search returns unchanged.
//
// When Search has read every page (no Limit, no error) and the distinct
// questions read do not add up to totalResults, or totalResults changed
// between pages, the discrepancy is recorded as a *Problem in
// Summary.Problems (field "totalResults") but Search still succeeds: the
// live list moves as questions are tabled and withdrawn, and what was
// fetched is kept.
func (c *Client) Search(ctx context.Context, q Query, fn func(*Record) error) (total int, err error) {
	if fn == nil {
		return 0, errors.New("Search: fn is nil")
	}
	v, err := q.values()
	if err != nil {
		return 0, err
	}
	pageSize := q.PageSize
	if pageSize == 0 {
		pageSize = DefaultPageSize
	}
	sum := c.summary()
	reg := c.registry()
	seen := make(map[string]bool)
	delivered, bad := 0, 0
	firstURL, firstTotal := "", -1
	for skip := 0; ; {
		take := pageSize
		if q.Limit > 0 {
			take = min(take, q.Limit-delivered)
		}
		u := c.listURL(v, skip, take)
		body, cached, err := c.get(ctx, u)
		if err != nil {
			return total, err
		}
		name := c.responseName(u, cached)
		if err := checkJSON(body); err != nil {
			return total, fmt.Errorf("%s: %w", name, err)
		}
		var env listEnvelope
		if json.Unmarshal(body, &env) != nil || env.TotalResults == nil || env.Results == nil {
			return total, fmt.Errorf("%s: not a list response: want {\"totalResults\": N, \"results\": [...]}", name)
		}
		total = *env.TotalResults
		if firstTotal < 0 {
			firstURL, firstTotal = u, total
		}
		sum.Files = append(sum.Files, u)
		r := NewAPIReader(bytes.NewReader(body), name, reg, sum)
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			var p *Problem
			if errors.As(err, &p) && c.Lenient {
				sum.Problems = append(sum.Problems, p)
				bad++
				continue
			}
			if err != nil {
				return total, err
			}
			if seen[rec.ID] {
				sum.addSkipped("api: duplicate id across pages", 1)
				continue
			}
			seen[rec.ID] = true
			sum.addRead(SourceAPI)
			if rec.Truncated {
				sum.Truncated++
			}
			if err := fn(rec); err != nil {
				return total, err
			}
			delivered++
			if q.Limit > 0 && delivered >= q.Limit {
				return total, nil
			}
		}
		skip += len(env.Results)
		if len(env.Results) == 0 || skip >= total {
			break
		}
	}
	// The live list can change while it is paged. A count that does not
	// add up is reported rather than passed over, since a researcher
	// publishing the numbers needs to know the fetch may be incomplete.
	if got := len(seen) + bad; got != total || firstTotal != total {
		sum.Problems = append(sum.Problems, problemf(firstURL, "", "totalResults",
			"the list endpoint reported %d questions (%d on the first page) but %d distinct were read (%d delivered, %d undecodable): the list changed while it was paged, or the API's paging is inconsistent; fetch again to check",
			total, firstTotal, got, len(seen), bad))
	}
	return total, nil
}

// Question fetches one question, with its full texts (answer HTML
// included), from the detail endpoint. A question the API does not know
// gives an *HTTPError with StatusCode 404.
func (c *Client) Question(ctx context.Context, id int) (*Record, error) {
	rec, err := c.question(ctx, id)
	if err != nil {
		return nil, err
	}
	sum := c.summary()
	sum.addRead(SourceAPI)
	if rec.Truncated {
		sum.Truncated++
	}
	return rec, nil
}

// question fetches and decodes question id from the detail endpoint,
// recording the URL in Summary.Files but not counting a record read.
func (c *Client) question(ctx context.Context, id int) (*Record, error) {
	if id <= 0 {
		return nil, fmt.Errorf("question id %d: want a positive integer", id)
	}
	u := c.questionURL(id)
	body, cached, err := c.get(ctx, u)
	if err != nil {
		return nil, err
	}
	name := c.responseName(u, cached)
	if err := checkJSON(body); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sum := c.summary()
	r := NewAPIReader(bytes.NewReader(body), name, c.registry(), sum)
	rec, err := r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: no question in the response", name)
	}
	if err != nil {
		return nil, err
	}
	switch _, err := r.Read(); {
	case err == nil:
		return nil, fmt.Errorf("%s: more than one question in a detail response", name)
	case err != io.EOF:
		return nil, err
	}
	if want := "api:" + strconv.Itoa(id); rec.ID != want {
		return nil, fmt.Errorf("%s: asked for question %d, got %s", name, id, rec.ID)
	}
	sum.Files = append(sum.Files, u)
	return rec, nil
}

// Hydrate completes a record whose texts the list endpoint clipped
// (rec.Truncated) with the full texts from the detail endpoint, in place,
// by the rules of the package function Hydrate: the full question and
// answer (plain text and HTML) replace the clipped ones and Truncated is
// cleared. A record that is not Truncated is left alone and no request is
// sent, so Hydrate can be called on every record Search delivers.
//
// The list's metadata stays, except that when the list record had no
// answer (the list page was fetched before the question was answered) and
// the detail has one, the answer's own metadata comes with it: the date
// answered, the answering member, and the holding, correction and
// attachment fields.
//
// Hydrate accounts in Summary as for a record that Search delivered and
// counted as truncated: Hydrated goes up by one and Truncated down by one.
// Truncated stays set, and nil is returned, in the one case Hydrate cannot
// settle: the list has an answer but the detail has none.
func (c *Client) Hydrate(ctx context.Context, rec *Record) error {
	if rec == nil || !rec.Truncated {
		return nil
	}
	num, ok := strings.CutPrefix(rec.ID, "api:")
	id, err := strconv.Atoi(num)
	if !ok || err != nil || id <= 0 || rec.Source != SourceAPI {
		return fmt.Errorf("record %s: not a Written Questions API record (want an ID \"api:<number>\"); cannot hydrate it from the API", rec.ID)
	}
	full, err := c.question(ctx, id)
	if err != nil {
		return fmt.Errorf("record %s: hydrating: %w", rec.ID, err)
	}
	hadAnswer := rec.Answered()
	Hydrate(rec, full)
	if !hadAnswer && full.Answered() {
		rec.DateAnswered = full.DateAnswered
		rec.Answerer = full.Answerer
		rec.Holding = full.Holding
		rec.Corrected = full.Corrected
		rec.Attachments = full.Attachments
	}
	if !rec.Truncated {
		sum := c.summary()
		sum.Hydrated++
		if sum.Truncated > 0 {
			sum.Truncated--
		}
	}
	return nil
}
