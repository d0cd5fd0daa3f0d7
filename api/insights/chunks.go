package insights

// chunkBits sets the size of a chunk: 8,192 entries.
const chunkBits = 13

// chunks is an append-only list kept in fixed-size blocks: growing it never copies what
// it holds (a slice doubling would copy everything and, for a moment, hold it twice),
// so a million rows are written to memory once and the peak stays near the size.
type chunks[T any] struct {
	blocks [][]T
	n      int
}

func (l *chunks[T]) len() int { return l.n }

func (l *chunks[T]) at(i int) *T { return &l.blocks[i>>chunkBits][i&(1<<chunkBits-1)] }

func (l *chunks[T]) add(v T) {
	if l.n&(1<<chunkBits-1) == 0 {
		l.blocks = append(l.blocks, make([]T, 0, 1<<chunkBits))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, v)
	l.n++
}

// last is the entry added last; the list must not be empty.
func (l *chunks[T]) last() *T { return l.at(l.n - 1) }
