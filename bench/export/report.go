package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/datka-cms/datka/bench/internal/harness"
)

// result is one run of the benchmark.
type result struct {
	Date          time.Time
	Command       string
	Machine       string
	GoVersion     string
	Commit        string
	Hugo          string
	Items, Runs   int
	Load          string // 1-minute load average before and after
	LoadAfter     string
	CorpusReused  bool
	CorpusSeconds float64
	HugoSite      hugoSite
	Rows          []row
	Datka         files // datka's output after the last run
	HugoOut       files // Hugo's
}

// row is one scenario of one tool, measured Runs times.
type row struct {
	Tool, Scenario string
	Samples        []sample
}

func (r row) medians() (wall, cpu float64, rss int64) {
	var w, c, m []float64
	for _, s := range r.Samples {
		w = append(w, s.Wall.Seconds())
		c = append(c, s.CPU.Seconds())
		m = append(m, float64(s.RSS))
	}
	return median(w), median(c), int64(median(m))
}

func (r *result) wall(tool, scenario string) float64 {
	for _, x := range r.Rows {
		if x.Tool == tool && x.Scenario == scenario {
			w, _, _ := x.medians()
			return w
		}
	}
	return 0
}

func (r *result) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# datka export against Hugo, %s\n\n", r.Date.Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "`%s` on %s; datka %s built with %s; %s (Debian's package). Load average %s before, %s after.\n\n",
		r.Command, r.Machine, r.Commit, r.GoVersion, r.Hugo, r.Load, r.LoadAfter)
	how := fmt.Sprintf("generated in %.0f s", r.CorpusSeconds)
	if r.CorpusReused {
		how = "reused from an earlier run"
	}
	fmt.Fprintf(&b, "Content: datka's default site plus %s news items in each of ru, ky, en (%s texts; %s). "+
		"The same content as a Hugo project: %s news Markdown files (the corpus's and the seeded site's) and %s page files.\n\n",
		harness.Group(r.Items), harness.Group(3*r.Items), how, harness.Group(r.HugoSite.Items), harness.Group(r.HugoSite.Pages))
	fmt.Fprintf(&b, "Each build is a separate process (`datka export --data … --out …`, `hugo --source … --destination … --cleanDestinationDir --quiet`), %s. "+
		"The two take turns (datka, Hugo, datka, Hugo…), and the disk is synced before each build. "+
		"CPU is user + system time of the process and its children, "+
		"peak memory the kernel's maximum resident set (wait4).\n\n", times(r.Runs))
	b.WriteString("| tool | build | wall (median) | CPU | peak memory | every run (wall) |\n|---|---|--:|--:|--:|---|\n")
	for _, x := range r.Rows {
		w, c, m := x.medians()
		var all []string
		for _, s := range x.Samples {
			all = append(all, fmt.Sprintf("%.2f", s.Wall.Seconds()))
		}
		fmt.Fprintf(&b, "| %s | %s | %.2f s | %.2f s | %s | %s |\n", x.Tool, x.Scenario, w, c, mb(m), strings.Join(all, ", "))
	}
	b.WriteString("\n")
	for _, sc := range []string{"into an empty folder", "again, nothing changed", "again, one item changed"} {
		d, h := r.wall("datka", sc), r.wall("hugo", sc)
		if d > 0 && h > 0 {
			verdict := "slower than"
			if d <= h {
				verdict = "no slower than"
			}
			fmt.Fprintf(&b, "- %s: datka %.2f s, Hugo %.2f s: datka is %s Hugo (%.2f×).\n", sc, d, h, verdict, d/h)
		}
	}
	b.WriteString("\n## The outputs\n\n| | files | of which HTML | bytes | files by kind |\n|---|--:|--:|--:|---|\n")
	for _, o := range []struct {
		name string
		f    files
	}{{"datka", r.Datka}, {"Hugo", r.HugoOut}} {
		var kinds []string
		for _, k := range slices.Sorted(maps.Keys(o.f.ByKind)) {
			kinds = append(kinds, fmt.Sprintf("%s %s", k, harness.Group(o.f.ByKind[k])))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s (%.1f MB) | %s |\n", o.name, harness.Group(o.f.Files), harness.Group(o.f.HTML),
			harness.Group(int(o.f.Bytes)), float64(o.f.Bytes)/(1<<20), strings.Join(kinds, ", "))
	}
	b.WriteString(`
What each builds: both write, per language, the home page, the news list in pages of ten, a page per
news item with its date, body (the corpus's Markdown through goldmark), tags and links to its
translations, the site's other pages, a feed (datka Atom, Hugo RSS) and a sitemap. datka also
writes the pages of the seeded events, organisations and library, news archives by year, the
search page with a search index per language and search.js, its CSS, images and robots.txt, the
media files (this corpus has none), and a manifest of checksums for the next incremental run; its
pages hold the whole theme (menus, footer, accessibility options), hence the larger pages. Hugo
(this project's small theme, bench/export/hugo.go) also writes a tag list per language, a feed for
each news section, and page/1/ aliases that redirect to the list; its feeds and sitemaps are its
built-in templates. The corpus items have no tags, so neither writes tag pages for them.

datka's incremental runs compare each page with the manifest and rewrite only what changed;
"again, nothing changed" still renders every page to know that nothing did. Hugo's CLI has no
incremental build (only its server has): its second build renders and writes everything again.
`)
	return b.String()
}

func times(runs int) string {
	if runs == 1 {
		return "measured once (single samples, not medians)"
	}
	return fmt.Sprintf("measured %d times; the table shows the median, and every run's wall time", runs)
}
