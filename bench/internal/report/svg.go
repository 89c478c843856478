package report

import (
	"fmt"
	"html"
	"strings"
)

// SVG draws req/s per target as horizontal bars, with the ceiling, 80 %
// of it (the cached-page target) and 5,000 req/s (the uncached target) as
// reference lines. Hand-written SVG: no dependencies, readable in any
// browser and on GitHub.
func (r *Report) SVG() string {
	const (
		width  = 820
		labelX = 250 // right edge of the row labels
		barX   = 262
		barW   = 390 // the longest bar
		top    = 70
		rowH   = 40
		barH   = 22
	)
	colour := map[Kind]string{Cached: "#2a7f62", Uncached: "#d9822b", Ceiling: "#6b7280"}
	ceil := r.ceiling()
	scale := float64(UncachedRPS)
	for _, row := range r.Rows {
		scale = max(scale, row.RPS)
	}
	scale *= 1.05
	x := func(v float64) float64 { return barX + v/scale*barW }

	type ref struct {
		v           float64
		label, dash string
		colour      string
	}
	refs := []ref{{UncachedRPS, "5,000 req/s: uncached target", "2,3", colour[Uncached]}}
	if ceil > 0 {
		refs = append(refs,
			ref{ceil * CachedShare, fmt.Sprintf("%.0f%% of the ceiling: cached target", CachedShare*100), "6,4", colour[Cached]},
			ref{ceil, "ceiling", "", colour[Ceiling]})
	}
	rowsEnd := top + len(r.Rows)*rowH
	height := rowsEnd + 24 + len(refs)*16 + 16

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="13">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="16" y="26" font-size="17" font-weight="600" fill="#111827">%s</text>`+"\n",
		esc("datka: requests per second, against a minimal Go server"))
	fmt.Fprintf(&b, `<text x="16" y="46" fill="#4b5563">%s</text>`+"\n",
		esc(fmt.Sprintf("%s · wrk %d threads, %d connections, %s per target · %s news texts · %s",
			r.Date.Format("2006-01-02"), r.Threads, r.Connections, r.Duration, thousands(float64(r.Corpus.Items*r.Corpus.Langs)), r.Machine)))

	// Axis and reference lines behind the bars.
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#9ca3af"/>`+"\n", barX, top-8, barX, rowsEnd)
	for i, rf := range refs {
		lx := x(rf.v)
		dash := ""
		if rf.dash != "" {
			dash = fmt.Sprintf(` stroke-dasharray="%s"`, rf.dash)
		}
		ly := rowsEnd + 24 + i*16
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="1.5"%s/>`+"\n",
			lx, top-8, lx, ly-4, rf.colour, dash)
		anchor, tx := "start", lx+4
		if lx > barX+barW*0.6 {
			anchor, tx = "end", lx-4
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="%s" font-size="12" fill="%s">%s</text>`+"\n",
			tx, ly, anchor, rf.colour, esc(rf.label))
	}

	for i, row := range r.Rows {
		y := top + i*rowH
		w := x(row.RPS) - barX
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" fill="#111827">%s</text>`+"\n",
			labelX, y+barH/2+5, esc(row.label()))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" rx="2" fill="%s"/>`+"\n",
			barX, y, w, barH, colour[row.Kind])
		value := thousands(row.RPS) + " req/s"
		if ceil > 0 && row.Kind != Ceiling {
			value += " · " + r.vsCeiling(row)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="#111827" stroke="#ffffff" stroke-width="3" paint-order="stroke">%s</text>`+"\n",
			barX+w+6, y+barH/2+5, esc(value))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }
