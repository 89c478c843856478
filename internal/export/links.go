package export

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// The site's HTML is html/template's: every attribute that holds a URL is
// double-quoted, and a quote inside a value is escaped. So links are found
// by scanning for `="` after one of these names, preceded by white space,
// without parsing the page; this is the export's innermost loop.
var urlAttrs = [...]string{"href", "src", "action", "poster", "srcset"}

// urlAttr returns the URL attribute whose name ends just before body[eq]
// (the '=' of `="`), or "".
func urlAttr(body []byte, eq int) string {
	for _, name := range urlAttrs {
		start := eq - len(name)
		if start >= 1 && string(body[start:eq]) == name && isSpace(body[start-1]) {
			return name
		}
	}
	return ""
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// rewriteLinks calls fn with every URL attribute of body, its value
// unescaped, and returns body with each value replaced by what fn
// returns (escaped again). A URL attribute's value is skipped whole;
// after another attribute the scan goes on right after its `="`.
func rewriteLinks(body []byte, fn func(attr, value string) string) []byte {
	var out []byte
	last, i := 0, 0
	for {
		j := bytes.Index(body[i:], []byte(`="`))
		if j < 0 {
			break
		}
		eq := i + j
		start := eq + 2
		attr := urlAttr(body, eq)
		if attr == "" {
			i = start
			continue
		}
		k := bytes.IndexByte(body[start:], '"')
		if k < 0 {
			break
		}
		end := start + k
		v := fn(attr, html.UnescapeString(string(body[start:end])))
		if out == nil {
			out = make([]byte, 0, len(body)+len(body)/8)
		}
		out = append(out, body[last:start]...)
		out = append(out, html.EscapeString(v)...)
		last, i = end, end+1
	}
	if out == nil {
		return body
	}
	return append(out, body[last:]...)
}

// splitSrcset applies fn to each URL of a srcset value.
func splitSrcset(v string, fn func(string) string) string {
	parts := strings.Split(v, ",")
	for i, part := range parts {
		f := strings.Fields(part)
		if len(f) > 0 {
			f[0] = fn(f[0])
		}
		parts[i] = strings.Join(f, " ")
	}
	return strings.Join(parts, ", ")
}

// stripPostForms removes every form that posts, to its end: a static
// archive has nothing to post to.
func stripPostForms(b []byte) []byte {
	var out []byte
	last, i := 0, 0
	for {
		j := bytes.Index(b[i:], []byte("<form"))
		if j < 0 {
			break
		}
		start := i + j
		gt := bytes.IndexByte(b[start:], '>')
		if gt < 0 {
			break
		}
		tag := b[start : start+gt]
		if !bytes.Contains(tag, []byte(`method="post"`)) || !isSpace(tag[bytes.Index(tag, []byte(`method="post"`))-1]) {
			i = start + gt
			continue
		}
		k := bytes.Index(b[start+gt:], []byte("</form>"))
		if k < 0 {
			break
		}
		end := start + gt + k + len("</form>")
		out = append(out, b[last:start]...)
		last, i = end, end
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// link is what one link of a page stands for in the archive.
type link struct {
	key   string // the site URL the link names ("" when it leaves the site)
	crawl string // the site URL to fetch: key, or its path
	// static is false when the link's query has no static form (a search,
	// a filtered list): the archive links the page without the query.
	static bool
	// file is the archive's file for a root-relative link; an absolute
	// link on the base URL (canonical, alternates) stays as it is.
	file string
	frag string
}

// resolve says what raw, a link of a page, stands for.
func (e *exporter) resolve(raw string) link {
	u, err := url.Parse(raw)
	if err != nil {
		return link{}
	}
	key, ok := localURL(u, e.baseHost, e.basePath)
	if !ok {
		return link{}
	}
	l := link{key: key, crawl: key, static: exportable(key)}
	if !l.static {
		l.crawl, _, _ = strings.Cut(key, "?")
	}
	if u.Scheme == "" && u.Host == "" {
		l.file = fileOf(l.crawl)
		if u.Fragment != "" {
			l.frag = "#" + u.EscapedFragment()
		}
	}
	return l
}

// local returns the site URL (path and query, no fragment) of a link that
// stays on the site: root-relative, or absolute on the base URL's host.
func (e *exporter) local(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	return localURL(u, e.baseHost, e.basePath)
}

// localURL is local's work on a parsed link. An absolute link names the
// site's address on the base URL, which may be in a folder (basePath,
// without a trailing slash): the site URL is what follows it.
func localURL(u *url.URL, baseHost, basePath string) (string, bool) {
	p := url.URL{Path: u.Path} // one spelling per path, however a link escaped it
	switch {
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/"):
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host == baseHost && baseHost != "":
		rest, ok := strings.CutPrefix(u.Path, basePath)
		if !ok || rest != "" && rest[0] != '/' {
			return "", false
		}
		p.Path = rest
	default:
		return "", false
	}
	if p.Path == "" {
		p.Path = "/"
	}
	s := p.EscapedPath()
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return s, true
}

// exportable says whether a site URL has a static form: no query, or
// only a page number.
func exportable(u string) bool {
	_, q, ok := strings.Cut(u, "?")
	if !ok {
		return true
	}
	n, found := strings.CutPrefix(q, "page=")
	if !found || n == "" || n[0] == '0' {
		return false
	}
	_, err := strconv.ParseUint(n, 10, 31)
	return err == nil
}

// isPage says whether a site URL is a page (written as its folder's
// index.html) rather than a file written under its own name. It is known
// from the address alone, before the answer: slugs never hold a dot
// (lang.ValidSlug) and every file's name has an extension (media names,
// assets, feed.atom, sitemap.xml, robots.txt); the crawl checks each
// answer against it.
func isPage(u string) bool {
	p, _, _ := strings.Cut(u, "?")
	return !strings.Contains(p[strings.LastIndexByte(p, '/')+1:], ".")
}

// fileOf is the file a site URL is written to.
func fileOf(u string) string {
	p, q, _ := strings.Cut(u, "?")
	if s, err := url.PathUnescape(p); err == nil {
		p = s
	}
	p = strings.TrimPrefix(path.Clean(p), "/")
	if !isPage(u) {
		return p
	}
	if q != "" {
		p = path.Join(p, "page", strings.TrimPrefix(q, "page="))
	}
	return strings.TrimPrefix(p+"/index.html", "/")
}

// relPath is the relative URL of file seen from dir (both slash-separated,
// relative to the export's root; dir "." is the root).
func relPath(dir, file string) string {
	var b strings.Builder
	rest := file
	if dir != "." && dir != "" {
		d := dir
		// Skip the folders dir and file share.
		for {
			seg, more, _ := strings.Cut(d, "/")
			fseg, frest, ok := strings.Cut(rest, "/")
			if !ok || seg != fseg {
				break
			}
			rest = frest
			if more == "" {
				d = ""
				break
			}
			d = more
		}
		if d != "" {
			b.WriteString(strings.Repeat("../", strings.Count(d, "/")+1))
		}
	}
	for i, seg := range strings.Split(rest, "/") {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(url.PathEscape(seg))
	}
	return b.String()
}

// locs returns the same-site URLs of a sitemap or a feed.
func (e *exporter) locs(body []byte) []string {
	var out []string
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte("<loc>"))
		if j < 0 {
			break
		}
		start := i + j + len("<loc>")
		k := bytes.IndexByte(body[start:], '<')
		if k < 0 {
			break
		}
		if u, ok := e.local(html.UnescapeString(string(body[start : start+k]))); ok && exportable(u) {
			out = append(out, u)
		}
		i = start + k
	}
	return out
}
