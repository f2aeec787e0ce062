package corpus

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Every retry is reported with its wait, and MaxWait stops a request whose
// next wait would pass it, with an error naming the URL and the last error.
func TestClientOnRetryAndMaxWait(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	var seen []Retry
	var slept []time.Duration
	c := &Client{BaseURL: srv.URL, MinInterval: -1, MaxWait: 1500 * time.Millisecond,
		OnRetry: func(r Retry) { seen = append(seen, r) }}
	c.sleep = func(ctx context.Context, d time.Duration) error { slept = append(slept, d); return nil }
	_, err := c.Question(context.Background(), 1)
	if err == nil {
		t.Fatal("no error")
	}
	if len(seen) != 1 || seen[0].Attempt != 1 || seen[0].Wait != time.Second || !strings.Contains(seen[0].Err.Error(), "503") {
		t.Errorf("retries reported: %+v", seen)
	}
	if len(slept) != 1 || slept[0] != time.Second {
		t.Errorf("waits %v, want [1s] (the 2 s one would pass MaxWait)", slept)
	}
	for _, want := range []string{srv.URL + "/", "gave up after 2 attempt(s)", "503"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
