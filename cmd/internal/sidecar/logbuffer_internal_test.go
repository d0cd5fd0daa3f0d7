package sidecar

import (
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// Log lines are written in batches, but each within the flush interval, and all of
// them by Close.
func TestLogBuffer(t *testing.T) {
	var out repotest.Buffer
	b := newLogBuffer(&out, 50*time.Millisecond)
	b.Write([]byte("one\n"))
	if out.String() != "" {
		t.Errorf("written at once: %q", out.String())
	}
	deadline := time.Now().Add(2 * time.Second)
	for out.String() != "one\n" && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if out.String() != "one\n" {
		t.Fatalf("not written within the interval: %q", out.String())
	}
	big := strings.Repeat("x", 40<<10) + "\n" // more than the buffer: written through
	b.Write([]byte(big))
	if !strings.HasSuffix(out.String(), big) {
		t.Errorf("a line larger than the buffer waited")
	}
	b.Write([]byte("last\n"))
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out.String(), "last\n") {
		t.Errorf("Close did not write the rest")
	}
}
