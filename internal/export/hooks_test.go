package export

import "encoding/json"

// Find runs search.js's logic (in Go: find) on an index as the archive
// holds it, JSON, and returns the docs it lists.
func Find(index []byte, q, kind string) ([][6]string, error) {
	var ix searchIndex
	if err := json.Unmarshal(index, &ix); err != nil {
		return nil, err
	}
	found, _ := ix.find(q, kind)
	var out [][6]string
	for _, d := range found {
		out = append(out, ix.Docs[d])
	}
	return out, nil
}
