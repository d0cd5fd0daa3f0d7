package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// The weighted mix's exports are small, so few are mid-stream when the database stops,
// and one cut before its first 48 KiB chunk never reaches the client as such: Go's client
// silently retries a GET on a reused connection closed before any byte of the answer.
// Cut probes make sure the mid-stream case is seen: just before the stop, a few
// whole-log conversation exports start on fresh connections and are read slowly, so that
// they are half-way when the database goes. Each must end whole and equal to the
// reference, or as a broken transfer; a 200 that ends cleanly but short is a failure.

type cutProbe struct {
	id       string
	gzip     bool
	attempts int
	status   int
	code     string       // error code of a non-200 answer
	bytes    atomic.Int64 // body bytes read (inflated)
	atStop   int64        // bytes read when the database was stopped; -1: not reading then
	err      error        // the transfer's error, if it broke
	sum      []byte
	end      time.Time

	mu        sync.Mutex
	reading   bool // a 200 body is being read
	readyOnce sync.Once
}

func (p *cutProbe) setReading(on bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reading = on
}

type cutProbes struct {
	ref    *exportRef
	probes []*cutProbe
	wg     sync.WaitGroup
	mu     sync.Mutex
	ready  int // probes that have read enough to be mid-stream
	readyC chan struct{}
}

const probePath = ns + "/conversations/export"

// fetchProbeReference downloads the whole log export once, with the database up.
func fetchProbeReference(ctx context.Context, base, auth string, timeout time.Duration) (*exportRef, error) {
	v := &variant{method: http.MethodGet, path: probePath, auth: auth, status: http.StatusOK, body: bodyCSV, csvHeader: headerConversations}
	w := &worker{client: newClient(timeout), base: base, rng: rand.New(rand.NewPCG(2, 2))}
	defer w.client.CloseIdleConnections()
	o, status, detail := w.send(ctx, v, "soak-probe-reference")
	if o != gotExpected {
		return nil, fmt.Errorf("the whole conversation export for the cut probes: %d %s", status, detail)
	}
	body := w.buf.Bytes()
	rows, _ := checkCSV(body, headerConversations)
	return &exportRef{sum: sha256.Sum256(body), rows: rows, bytes: len(body)}, nil
}

// startCutProbes starts n probes; ready is closed once every probe is mid-stream.
func startCutProbes(ctx context.Context, base, auth string, ref *exportRef, n int, timeout time.Duration) *cutProbes {
	c := &cutProbes{ref: ref, readyC: make(chan struct{})}
	// Pace the reading so that the whole file would take about 4 s: the stop comes
	// while it is still flowing. A probe counts as mid-stream after a quarter of the file
	// (at most 512 KiB), well past the sidecar's first 48 KiB chunk.
	const chunk = 32 << 10
	pause := time.Duration(int64(4*time.Second) * chunk / int64(max(ref.bytes, chunk)))
	threshold := min(int64(ref.bytes)/4, 512<<10)
	for i := range n {
		p := &cutProbe{id: "soak-cut-" + strconv.Itoa(i), gzip: i%2 == 1, atStop: -1}
		c.probes = append(c.probes, p)
		c.wg.Go(func() { c.run(ctx, base, auth, p, pause, threshold, timeout) })
	}
	return c
}

// markReady says that p is mid-stream, or will never be.
func (c *cutProbes) markReady(p *cutProbe) {
	p.readyOnce.Do(func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.ready++
		if c.ready == len(c.probes) {
			close(c.readyC)
		}
	})
}

func (c *cutProbes) run(ctx context.Context, base, auth string, p *cutProbe, pause time.Duration, threshold int64, timeout time.Duration) {
	client := newClient(timeout)
	defer client.CloseIdleConnections()
	defer c.markReady(p)
	// Under load the pool may refuse the first tries with 503: try for a few seconds.
	deadline := time.Now().Add(5 * time.Second)
	for {
		p.attempts++
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+probePath, nil)
		if err != nil {
			p.err = err
			return
		}
		req.Header.Set("Authorization", auth)
		req.Header.Set("X-Request-Id", p.id+"-"+strconv.Itoa(p.attempts))
		if !p.gzip {
			req.Header.Set("Accept-Encoding", "identity")
		}
		resp, err := client.Do(req)
		if err != nil {
			p.err, p.end = err, time.Now()
			return
		}
		p.status = resp.StatusCode
		if resp.StatusCode != http.StatusOK {
			var e struct {
				Code string `json:"code"`
			}
			json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&e)
			resp.Body.Close()
			p.code = e.Code
			if time.Now().Before(deadline) && ctx.Err() == nil {
				time.Sleep(100 * time.Millisecond)
				continue
			}
			p.end = time.Now()
			return
		}
		p.setReading(true)
		p.err = c.read(resp, p, pause, threshold)
		p.setReading(false)
		resp.Body.Close()
		p.end = time.Now()
		return
	}
}

// read consumes the body slowly, hashing it.
func (c *cutProbes) read(resp *http.Response, p *cutProbe, pause time.Duration, threshold int64) error {
	var h hash.Hash = sha256.New()
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		h.Write(buf[:n])
		got := p.bytes.Add(int64(n))
		if got >= threshold {
			c.markReady(p)
		}
		if errors.Is(err, io.EOF) {
			p.sum = h.Sum(nil)
			return nil
		}
		if err != nil {
			return err
		}
		time.Sleep(pause)
	}
}

// stopping notes, just before the database is stopped, how far each probe has read.
func (c *cutProbes) stopping() {
	for _, p := range c.probes {
		p.mu.Lock()
		if p.reading {
			p.atStop = p.bytes.Load()
		}
		p.mu.Unlock()
	}
}

// cutOutcome judges one probe.
type cutOutcome struct {
	text    string
	failure bool
}

func (c *cutProbes) outcome(p *cutProbe) cutOutcome {
	switch {
	case p.status == http.StatusOK && p.err == nil:
		if p.bytes.Load() == int64(c.ref.bytes) && string(p.sum) == string(c.ref.sum[:]) {
			return cutOutcome{text: "whole: equal to the reference"}
		}
		return cutOutcome{text: fmt.Sprintf("**a 200 that ended cleanly but short or different: %d of %d bytes**", p.bytes.Load(), c.ref.bytes), failure: true}
	case p.status == http.StatusOK:
		return cutOutcome{text: "cut off: the transfer broke (" + shorten(p.err.Error(), 80) + ")"}
	case p.status == http.StatusServiceUnavailable && p.code == "kchat_db_unavailable":
		return cutOutcome{text: "503 kchat_db_unavailable on every try: never started"}
	case p.err != nil:
		return cutOutcome{text: "no answer: " + shorten(p.err.Error(), 80), failure: true}
	}
	return cutOutcome{text: fmt.Sprintf("**unexpected %d %s**", p.status, p.code), failure: true}
}

func (r *report) probeSection(p func(string, ...any)) {
	c := r.probes
	if c == nil {
		return
	}
	p("Cut probes: %d whole-log conversation exports (%d rows, %s), started 2 s before the stop on their own connections and read slowly (about 4 s per file), half with gzip:\n\n",
		len(c.probes), c.ref.rows, mib(int64(c.ref.bytes)))
	p("| probe | encoding | tries | status | read at the stop | read in all | outcome |\n|---|---|---:|---:|---:|---:|---|\n")
	for _, pr := range c.probes {
		enc := "identity"
		if pr.gzip {
			enc = "gzip"
		}
		atStop := "not reading"
		if pr.atStop >= 0 {
			atStop = fmt.Sprintf("%.0f%%", 100*float64(pr.atStop)/float64(c.ref.bytes))
		}
		p("| %s | %s | %d | %d | %s | %.0f%% | %s |\n", pr.id, enc, pr.attempts, pr.status, atStop,
			100*float64(pr.bytes.Load())/float64(c.ref.bytes), c.outcome(pr).text)
	}
	p("\n")
}

// probeVerdict counts the probes' outcomes.
func (r *report) probeVerdict() (ok bool, text string) {
	c := r.probes
	cut, whole, never, bad, inFlight := 0, 0, 0, 0, 0
	for _, pr := range c.probes {
		o := c.outcome(pr)
		switch {
		case o.failure:
			bad++
		case pr.status == http.StatusOK && pr.err != nil:
			cut++
		case pr.status == http.StatusOK:
			whole++
		default:
			never++
		}
		if pr.atStop >= 0 {
			inFlight++
		}
	}
	return bad == 0, fmt.Sprintf("exports in flight when the database stopped end whole or as a broken transfer, never as a short 200 (cut probes: %d mid-stream at the stop; %d cut off, %d whole, %d never started, %d bad)",
		inFlight, cut, whole, never, bad)
}
