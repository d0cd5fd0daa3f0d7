package api

import "testing"

func TestSiteLRU(t *testing.T) {
	l := newSiteLRU(2)
	made := 0
	get := func(id int) *siteState {
		return l.get(id, func() *siteState { made++; return &siteState{blogID: id} })
	}
	one := get(1)
	get(2)
	if get(1) != one || made != 2 {
		t.Fatalf("site 1 was not kept: %d made", made)
	}
	get(3) // full: 2, the least recently used, goes
	if made != 3 || l.order.Len() != 2 {
		t.Fatalf("%d made, %d kept", made, l.order.Len())
	}
	if get(1) != one || made != 3 {
		t.Errorf("site 1 was dropped instead of site 2")
	}
	get(2)
	if made != 4 {
		t.Errorf("site 2 was kept beyond the bound")
	}
	if l.order.Len() != 2 || len(l.byID) != 2 {
		t.Errorf("%d kept, %d indexed; the bound is 2", l.order.Len(), len(l.byID))
	}
}
