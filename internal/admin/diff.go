package admin

import (
	"strings"

	"github.com/datka-cms/datka/internal/content"
)

// diffLine is one line of a diff: kept, added or removed.
type diffLine struct {
	Op   string // " ", "+", "-"
	Text string
}

// fieldDiff is the difference of one field between two versions.
type fieldDiff struct {
	Key, Label string
	Lines      []diffLine
}

// maxDiffLines bounds the quadratic work of a diff; longer texts are shown
// as removed and added whole.
const maxDiffLines = 2000

// diffText compares a and b line by line (longest common subsequence).
func diffText(a, b string) []diffLine {
	al, bl := splitLines(a), splitLines(b)
	if len(al)*len(bl) > maxDiffLines*maxDiffLines/4 {
		var out []diffLine
		for _, l := range al {
			out = append(out, diffLine{"-", l})
		}
		for _, l := range bl {
			out = append(out, diffLine{"+", l})
		}
		return out
	}
	n, m := len(al), len(bl)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if al[i] == bl[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []diffLine
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case al[i] == bl[j]:
			out = append(out, diffLine{" ", al[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, diffLine{"-", al[i]})
			i++
		default:
			out = append(out, diffLine{"+", bl[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, diffLine{"-", al[i]})
	}
	for ; j < m; j++ {
		out = append(out, diffLine{"+", bl[j]})
	}
	return out
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// diffFields compares two versions of a text, field by field, and keeps
// only the fields that changed.
func diffFields(c *chrome, a, b content.Fields) []fieldDiff {
	var keys []string
	seen := map[string]bool{}
	for _, f := range append(append(content.Fields{}, b...), a...) {
		if !seen[f.Key] {
			seen[f.Key] = true
			keys = append(keys, f.Key)
		}
	}
	var out []fieldDiff
	for _, k := range keys {
		if a.Get(k) == b.Get(k) {
			continue
		}
		out = append(out, fieldDiff{Key: k, Label: fieldLabel(c, k), Lines: diffText(a.Get(k), b.Get(k))})
	}
	return out
}

// fieldLabel is a field's label in the admin's language.
func fieldLabel(c *chrome, key string) string {
	s := content.Shape(key)
	label := c.T(s.Label)
	if s.Section > 0 {
		return c.T("field_section_n", "N", s.Section) + ": " + label
	}
	return label
}
