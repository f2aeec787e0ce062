package twogen

import (
	"fmt"
	"testing"
)

// TestRecurringKeysStay: a key looked up once per generation survives any
// number of one-off keys; one that is not is forgotten; no generation
// outgrows its size.
func TestRecurringKeysStay(t *testing.T) {
	var m Map[string, int]
	const size = 16
	m.Put("stock", 1, size)
	for i := range 10 * size {
		m.Put(fmt.Sprint("one-off ", i), i, size)
		if i%(size/2) == 0 {
			if v, ok := m.Get("stock", size); !ok || v != 1 {
				t.Fatalf("after %d one-off keys the recurring key is gone", i)
			}
		}
		if cur, old := m.Len(); cur > size || old > size {
			t.Fatalf("generations of %d and %d entries, more than %d", cur, old, size)
		}
	}
	if _, ok := m.Get("one-off 0", size); ok {
		t.Error("a key not looked up for ten generations is still remembered")
	}
}

func ExampleMap() {
	var m Map[string, int]
	m.Put("a", 1, 2)
	m.Put("b", 2, 2)
	m.Put("c", 3, 2) // the first generation is full: it becomes the older
	v, ok := m.Get("a", 2)
	fmt.Println(v, ok)
	cur, old := m.Len()
	fmt.Println(cur, old)
	// Output:
	// 1 true
	// 2 2
}
