package store

// SetEntryListMax makes the lists of entries s keeps hold at most n IDs,
// so that tests reach the pages past them with a short list.
func SetEntryListMax(s *Store, n int) { s.listMax = n }
