package repotest_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// Writers and a reader at once lose no write and tear none (go test -race sees the rest).
func TestBufferConcurrent(t *testing.T) {
	var b repotest.Buffer
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				b.Write([]byte("line\n"))
				_ = b.String()
			}
		}()
	}
	wg.Wait()
	if got := b.String(); got != strings.Repeat("line\n", 8*200) {
		t.Errorf("%d bytes, want %d", len(got), 8*200*5)
	}
}
