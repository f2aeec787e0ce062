// Package twogen holds a bounded memory of values by key that keeps what
// recurs: two generations of entries, as the classifier's sentence memo
// and the segmenter's line memory use it.
package twogen

import "sync"

// Map remembers values by key in two generations, the current one and the
// one before, each of at most size entries (the size given to Get and
// Put). A key is looked up in both, and one found only in the older is
// copied into the current. When the current generation is full it becomes
// the older and the oldest is dropped. So a key that recurs at least once
// per generation (a stock sentence, a stock paragraph) stays however many
// one-off keys pass through, where a map emptied when full would forget it
// with the rest; and the Map never holds more than 2·size entries.
//
// The zero Map is empty and ready to use; a Map is safe for concurrent use.
type Map[K comparable, V any] struct {
	mu       sync.Mutex
	cur, old map[K]V
}

// Get returns the value remembered for k, copying it into the current
// generation if only the older one has it.
func (m *Map[K, V]) Get(k K, size int) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.cur[k]; ok {
		return v, true
	}
	v, ok := m.old[k]
	if ok {
		m.put(k, v, size)
	}
	return v, ok
}

// Put remembers v for k in the current generation, starting a new one
// when it holds size entries.
func (m *Map[K, V]) Put(k K, v V, size int) {
	m.mu.Lock()
	m.put(k, v, size)
	m.mu.Unlock()
}

func (m *Map[K, V]) put(k K, v V, size int) {
	if m.cur == nil || len(m.cur) >= size {
		// The first generation grows as keys come, since a small corpus
		// may never fill it (an empty map sized for size costs its
		// memory, cleared, at once); a later one starts sized, since the
		// one before it filled.
		hint := 0
		if m.cur != nil {
			hint = size
		}
		m.old, m.cur = m.cur, make(map[K]V, hint)
	}
	m.cur[k] = v
}

// Len returns the number of entries in the current and the older
// generation.
func (m *Map[K, V]) Len() (cur, old int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.cur), len(m.old)
}
