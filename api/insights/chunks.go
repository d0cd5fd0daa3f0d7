package insights

// chunkBits sets the size of a chunk: 8,192 entries.
const chunkBits = 13

// chunks is an append-only list kept in fixed-size blocks: growing it never copies what
// it holds beyond its first block (a slice doubling would copy everything and, for a
// moment, hold it twice), so a million rows are written to memory once and the peak
// stays near the size.
type chunks[T any] struct {
	blocks [][]T
	n      int
}

func (l *chunks[T]) len() int { return l.n }

func (l *chunks[T]) at(i int) *T { return &l.blocks[i>>chunkBits][i&(1<<chunkBits-1)] }

func (l *chunks[T]) add(v T) {
	switch {
	case l.n == 0:
		l.blocks = append(l.blocks, make([]T, 0, firstBlock))
	case l.n&(1<<chunkBits-1) == 0:
		l.blocks = append(l.blocks, make([]T, 0, 1<<chunkBits))
	case l.n < 1<<chunkBits && l.n == cap(l.blocks[0]):
		// The first block doubles up to a chunk: a small log (a network's sites are
		// mostly small) takes kilobytes, not a whole chunk of each list.
		l.blocks[0] = append(make([]T, 0, min(2*l.n, 1<<chunkBits)), l.blocks[0]...)
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, v)
	l.n++
}

// firstBlock is the first block's first capacity.
const firstBlock = 64

// capacity is how many entries the blocks have room for.
func (l *chunks[T]) capacity() int {
	n := 0
	for _, b := range l.blocks {
		n += cap(b)
	}
	return n
}

// last is the entry added last; the list must not be empty.
func (l *chunks[T]) last() *T { return l.at(l.n - 1) }
