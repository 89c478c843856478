// Package xliff reads and writes the part of XLIFF 2.0 (OASIS, namespace
// urn:oasis:names:tc:xliff:document:2.0) that plain-text translation needs:
// a document per target language, a <file> per item, a <unit> per field,
// and the unit's text as <segment> <source> and <target>.
//
// Writing uses encoding/xml token by token, so that text is escaped by the
// standard library and line breaks stay literal in <source> and <target>
// (marked xml:space="preserve") instead of becoming &#xA;: translators
// read these files.
//
// Reading assumes the file is hostile. It is bounded in size, depth and
// number of elements; a DOCTYPE is refused before anything it declares
// could be used, and encoding/xml expands no entity but the five XML
// predefines, so neither entity expansion ("billion laughs") nor external
// entities can happen. The root must be an XLIFF 2 <xliff> in the XLIFF 2.0
// namespace with version 2.0 or 2.1 (2.1 keeps the 2.0 core). Inline codes
// (<ph>, <pc>, …) inside source or target are refused: the texts this
// package carries are plain text or Markdown, and a code there could only
// be markup the site does not render. Annotation markers (<mrk>, <sm>,
// <em>) that translation tools add are dropped and their text kept.
// Elements of other namespaces (XLIFF modules, tool metadata) are skipped
// where the specification allows extensions.
//
// The package knows nothing of datka's content: file and unit ids, and the
// notes a caller attaches, are the caller's to give meaning to.
package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Namespace is the XLIFF 2 core namespace.
const Namespace = "urn:oasis:names:tc:xliff:document:2.0"

// MaxBytes is the largest document Decode reads.
const MaxBytes = 10 << 20

const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// Document is one XLIFF 2 document: texts in SrcLang with their
// translations into TrgLang.
type Document struct {
	Version string // "2.0" when empty on writing
	SrcLang string
	TrgLang string
	Files   []File
}

// File is an <file>: for datka, one item.
type File struct {
	ID       string
	Original string // optional: where the texts come from, for people
	Notes    []Note
	Units    []Unit
	Line     int // of the start tag, in a decoded document
}

// Note is a <note>; Category says what it is for.
type Note struct {
	Category string
	Text     string
}

// Unit is a <unit>: one translatable text. A decoded unit's Source and
// Target are the concatenation of its segments (and ignorables), in order.
type Unit struct {
	ID     string
	Name   string // optional: a readable name for the unit
	Notes  []Note
	Source string
	Target string
	// HasTarget is true when every segment has a <target> (in a decoded
	// unit) or when a target is to be written.
	HasTarget bool
	// Partial is true in a decoded unit some of whose segments have a
	// target and some not: a translation left half done.
	Partial bool
	Line    int // of the start tag, in a decoded document
}

// Note returns the text of the first note of category, and whether there
// is one.
func (f File) Note(category string) (string, bool) {
	for _, n := range f.Notes {
		if n.Category == category {
			return n.Text, true
		}
	}
	return "", false
}

// Encode writes d as an XLIFF 2.0 document in UTF-8.
func Encode(w io.Writer, d *Document) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	version := d.Version
	if version == "" {
		version = "2.0"
	}
	e := xml.NewEncoder(w)
	e.Indent("", "  ")
	start := func(local string, attrs ...string) error {
		el := xml.StartElement{Name: xml.Name{Local: local}}
		for i := 0; i+1 < len(attrs); i += 2 {
			if attrs[i+1] == "" {
				continue
			}
			name := xml.Name{Local: attrs[i]}
			if rest, ok := strings.CutPrefix(attrs[i], "xml:"); ok {
				name = xml.Name{Space: xmlNamespace, Local: rest}
			}
			el.Attr = append(el.Attr, xml.Attr{Name: name, Value: attrs[i+1]})
		}
		return e.EncodeToken(el)
	}
	end := func(local string) error { return e.EncodeToken(xml.EndElement{Name: xml.Name{Local: local}}) }
	text := func(local, s string, attrs ...string) error {
		if err := start(local, attrs...); err != nil {
			return err
		}
		if s != "" {
			if err := e.EncodeToken(xml.CharData(s)); err != nil {
				return err
			}
		}
		return end(local)
	}
	notes := func(ns []Note) error {
		if len(ns) == 0 {
			return nil
		}
		if err := start("notes"); err != nil {
			return err
		}
		for _, n := range ns {
			if err := text("note", n.Text, "category", n.Category); err != nil {
				return err
			}
		}
		return end("notes")
	}
	if err := start("xliff", "xmlns", Namespace, "version", version, "srcLang", d.SrcLang, "trgLang", d.TrgLang); err != nil {
		return err
	}
	for _, f := range d.Files {
		if err := start("file", "id", f.ID, "original", f.Original); err != nil {
			return err
		}
		if err := notes(f.Notes); err != nil {
			return err
		}
		for _, u := range f.Units {
			if err := start("unit", "id", u.ID, "name", u.Name); err != nil {
				return err
			}
			if err := notes(u.Notes); err != nil {
				return err
			}
			if err := start("segment"); err != nil {
				return err
			}
			if err := text("source", u.Source, "xml:space", "preserve"); err != nil {
				return err
			}
			if u.HasTarget {
				if err := text("target", u.Target, "xml:space", "preserve"); err != nil {
					return err
				}
			}
			if err := end("segment"); err != nil {
				return err
			}
			if err := end("unit"); err != nil {
				return err
			}
		}
		if err := end("file"); err != nil {
			return err
		}
	}
	if err := end("xliff"); err != nil {
		return err
	}
	if err := e.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// ErrorKind says what is wrong with a document, so that a caller can
// explain it in the reader's language.
type ErrorKind string

// Kinds of Error.
const (
	TooLarge     ErrorKind = "too_large" // over MaxBytes
	OverLimits   ErrorKind = "limits"    // too deep or too many elements
	Doctype      ErrorKind = "doctype"   // a DOCTYPE or another directive
	Syntax       ErrorKind = "syntax"    // not well-formed XML, not UTF-8, an unknown entity
	NotXLIFF     ErrorKind = "not_xliff" // the root is not XLIFF 2's <xliff>
	WrongVersion ErrorKind = "version"   // XLIFF of another version
	BadStructure ErrorKind = "structure" // XLIFF elements where they do not belong, ids missing
	InlineMarkup ErrorKind = "markup"    // inline codes in a source or target
)

// Error is a reason to refuse a document.
type Error struct {
	Kind   ErrorKind
	Line   int    // 0 when unknown
	Detail string // in English, for people who read XML
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("xliff: line %d: %s", e.Line, e.Detail)
	}
	return "xliff: " + e.Detail
}

// limits bound the work a document may cause.
type limits struct {
	bytes    int64
	depth    int
	elements int
}

var defaultLimits = limits{bytes: MaxBytes, depth: 32, elements: 500_000}

// Decode reads an XLIFF 2 document, refusing anything outside the shape
// this package writes and the extensions the specification allows. Its
// errors are *Error.
func Decode(r io.Reader) (*Document, error) {
	return decode(r, defaultLimits)
}

// errTooLarge is what sizeReader returns past the limit; the decoder
// passes it through.
var errTooLarge = errors.New("document too large")

// sizeReader fails with errTooLarge once more than max bytes were read.
type sizeReader struct {
	r   io.Reader
	n   int64
	max int64
}

func (s *sizeReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.n += int64(n)
	if s.n > s.max {
		return 0, errTooLarge
	}
	return n, err
}

type decoder struct {
	x        *xml.Decoder
	lim      limits
	depth    int
	elements int
	trgLang  string
}

func decode(r io.Reader, lim limits) (*Document, error) {
	br := &sizeReader{r: io.LimitReader(r, lim.bytes+1), max: lim.bytes}
	// A byte-order mark is legal at the start of a UTF-8 document but
	// encoding/xml does not skip it.
	head := make([]byte, 3)
	n, err := io.ReadFull(br, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, classify(err, 0)
	}
	head = head[:n]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	x := xml.NewDecoder(io.MultiReader(bytes.NewReader(head), br))
	x.Strict = true
	x.Entity = nil        // only &lt; &gt; &amp; &apos; &quot; and character references
	x.CharsetReader = nil // UTF-8 only: another declared encoding is an error
	d := &decoder{x: x, lim: lim}
	return d.document()
}

func classify(err error, line int) *Error {
	var e *Error
	var syn *xml.SyntaxError
	switch {
	case errors.As(err, &e):
		return e
	case errors.Is(err, errTooLarge):
		return &Error{Kind: TooLarge, Detail: fmt.Sprintf("the document is larger than %d bytes", MaxBytes)}
	case errors.As(err, &syn):
		return &Error{Kind: Syntax, Line: syn.Line, Detail: syn.Msg}
	case errors.Is(err, io.EOF):
		return &Error{Kind: Syntax, Line: line, Detail: "the document ends before its root element closes"}
	}
	return &Error{Kind: Syntax, Line: line, Detail: err.Error()}
}

func (d *decoder) line() int {
	l, _ := d.x.InputPos()
	return l
}

func (d *decoder) fail(kind ErrorKind, format string, args ...any) *Error {
	return &Error{Kind: kind, Line: d.line(), Detail: fmt.Sprintf(format, args...)}
}

// token returns the next token that matters: comments and processing
// instructions are dropped, a directive (DOCTYPE) refused, and the limits
// enforced.
func (d *decoder) token() (xml.Token, error) {
	for {
		t, err := d.x.Token()
		if err != nil {
			return nil, classify(err, d.line())
		}
		switch t := t.(type) {
		case xml.Directive:
			return nil, d.fail(Doctype, "a DOCTYPE or other declaration (<!%.20s…>) is not allowed", string(t))
		case xml.Comment, xml.ProcInst:
			continue
		case xml.StartElement:
			d.depth++
			d.elements++
			if d.depth > d.lim.depth {
				return nil, d.fail(OverLimits, "elements are nested more than %d deep", d.lim.depth)
			}
			if d.elements > d.lim.elements {
				return nil, d.fail(OverLimits, "the document has more than %d elements", d.lim.elements)
			}
		case xml.EndElement:
			d.depth--
		}
		return t, nil
	}
}

// skip consumes the rest of an element whose start was just read.
func (d *decoder) skip() error {
	for depth := 1; depth > 0; {
		t, err := d.token()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func attr(el xml.StartElement, local string) (string, bool) {
	for _, a := range el.Attr {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func core(el xml.StartElement, local string) bool {
	return el.Name.Space == Namespace && el.Name.Local == local
}

func name(n xml.Name) string {
	if n.Space == "" || n.Space == Namespace {
		return "<" + n.Local + ">"
	}
	return "<" + n.Local + "> of " + n.Space
}

// children calls each for every child element of the element just opened,
// and refuses text that is not white space between them.
func (d *decoder) children(parent string, each func(xml.StartElement) error) error {
	for {
		t, err := d.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := each(t.Copy()); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return d.fail(BadStructure, "text %q directly inside <%s>", trim(string(t)), parent)
			}
		}
	}
}

func trim(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

func (d *decoder) document() (*Document, error) {
	var root xml.StartElement
	for {
		t, err := d.token()
		if err != nil {
			return nil, err
		}
		if el, ok := t.(xml.StartElement); ok {
			root = el.Copy()
			break
		}
		if cd, ok := t.(xml.CharData); ok && len(bytes.TrimSpace(cd)) > 0 {
			return nil, d.fail(Syntax, "text before the root element")
		}
	}
	if root.Name.Local != "xliff" || root.Name.Space != Namespace {
		if root.Name.Local == "xliff" && strings.HasPrefix(root.Name.Space, "urn:oasis:names:tc:xliff:document:") {
			v, _ := attr(root, "version")
			return nil, d.fail(WrongVersion, "this is XLIFF %s (namespace %s); only XLIFF 2.0 is read", v, root.Name.Space)
		}
		return nil, d.fail(NotXLIFF, "the root element is %s, not <xliff> of %s", name(root.Name), Namespace)
	}
	doc := &Document{}
	doc.Version, _ = attr(root, "version")
	if doc.Version != "2.0" && doc.Version != "2.1" {
		return nil, d.fail(WrongVersion, "version %q; only XLIFF 2.0 (or 2.1) is read", doc.Version)
	}
	doc.SrcLang, _ = attr(root, "srcLang")
	doc.TrgLang, _ = attr(root, "trgLang")
	if doc.SrcLang == "" {
		return nil, d.fail(BadStructure, "<xliff> has no srcLang")
	}
	if doc.TrgLang == "" {
		return nil, d.fail(BadStructure, "<xliff> has no trgLang: the document does not say which language it is translated into")
	}
	d.trgLang = doc.TrgLang
	err := d.children("xliff", func(el xml.StartElement) error {
		switch {
		case core(el, "file"):
			f, err := d.file(el)
			if err != nil {
				return err
			}
			doc.Files = append(doc.Files, f)
			return nil
		case el.Name.Space != Namespace:
			return d.skip()
		}
		return d.fail(BadStructure, "%s inside <xliff>", name(el.Name))
	})
	if err != nil {
		return nil, err
	}
	// Nothing but comments and white space may follow the root.
	for {
		t, err := d.x.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, classify(err, d.line())
		}
		switch t := t.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) == 0 {
				continue
			}
		case xml.Comment, xml.ProcInst:
			continue
		}
		return nil, d.fail(Syntax, "content after the root element")
	}
	if len(doc.Files) == 0 {
		return nil, &Error{Kind: BadStructure, Detail: "the document has no <file>"}
	}
	return doc, nil
}

func (d *decoder) file(el xml.StartElement) (File, error) {
	f := File{Line: d.line()}
	f.ID, _ = attr(el, "id")
	f.Original, _ = attr(el, "original")
	if f.ID == "" {
		return f, d.fail(BadStructure, "a <file> without an id")
	}
	var each func(xml.StartElement) error
	each = func(el xml.StartElement) error {
		switch {
		case core(el, "unit"):
			u, err := d.unit(el)
			if err != nil {
				return err
			}
			f.Units = append(f.Units, u)
			return nil
		case core(el, "group"):
			// Groups only structure a file; their units count as the file's.
			return d.children("group", each)
		case core(el, "notes"):
			ns, err := d.notes()
			f.Notes = append(f.Notes, ns...)
			return err
		case core(el, "skeleton"), el.Name.Space != Namespace:
			return d.skip()
		}
		return d.fail(BadStructure, "%s inside <file>", name(el.Name))
	}
	err := d.children("file", each)
	return f, err
}

func (d *decoder) notes() ([]Note, error) {
	var out []Note
	err := d.children("notes", func(el xml.StartElement) error {
		switch {
		case core(el, "note"):
			n := Note{}
			n.Category, _ = attr(el, "category")
			text, err := d.text(el, "note")
			n.Text = text
			out = append(out, n)
			return err
		case el.Name.Space != Namespace:
			return d.skip()
		}
		return d.fail(BadStructure, "%s inside <notes>", name(el.Name))
	})
	return out, err
}

func (d *decoder) unit(el xml.StartElement) (Unit, error) {
	u := Unit{Line: d.line()}
	u.ID, _ = attr(el, "id")
	u.Name, _ = attr(el, "name")
	if u.ID == "" {
		return u, d.fail(BadStructure, "a <unit> without an id")
	}
	var src, trg strings.Builder
	segments, targets := 0, 0
	err := d.children("unit", func(el xml.StartElement) error {
		switch {
		case core(el, "segment"), core(el, "ignorable"):
			ignorable := el.Name.Local == "ignorable"
			var s, t string
			hasSource, hasTarget := false, false
			err := d.children(el.Name.Local, func(c xml.StartElement) error {
				var err error
				switch {
				case core(c, "source") && !hasSource:
					hasSource = true
					s, err = d.text(c, "source")
				case core(c, "target") && !hasTarget:
					if lang, ok := langAttr(c); ok && !strings.EqualFold(lang, d.trgLang) {
						return d.fail(BadStructure, "a <target> in %s, but the document's trgLang is %s", lang, d.trgLang)
					}
					hasTarget = true
					t, err = d.text(c, "target")
				case c.Name.Space != Namespace:
					return d.skip()
				default:
					return d.fail(BadStructure, "%s inside <%s>", name(c.Name), el.Name.Local)
				}
				return err
			})
			if err != nil {
				return err
			}
			if !hasSource {
				return d.fail(BadStructure, "a <%s> without a <source> in unit %q", el.Name.Local, u.ID)
			}
			src.WriteString(s)
			switch {
			case hasTarget:
				trg.WriteString(t)
			case ignorable:
				// An ignorable without a target stands for itself.
				trg.WriteString(s)
			}
			if !ignorable {
				segments++
				if hasTarget {
					targets++
				}
			}
			return nil
		case core(el, "notes"):
			ns, err := d.notes()
			u.Notes = append(u.Notes, ns...)
			return err
		case core(el, "originalData"), el.Name.Space != Namespace:
			return d.skip()
		}
		return d.fail(BadStructure, "%s inside <unit>", name(el.Name))
	})
	if err != nil {
		return u, err
	}
	if segments == 0 {
		return u, d.fail(BadStructure, "unit %q has no <segment>", u.ID)
	}
	u.Source = src.String()
	u.HasTarget = targets == segments
	u.Partial = targets > 0 && targets < segments
	if u.HasTarget {
		u.Target = trg.String()
	}
	return u, nil
}

func langAttr(el xml.StartElement) (string, bool) {
	for _, a := range el.Attr {
		if a.Name.Space == xmlNamespace && a.Name.Local == "lang" {
			return a.Value, true
		}
	}
	return "", false
}

// text reads the content of a <source>, <target> or <note>: text, with
// annotation markers unwrapped and every other element refused.
func (d *decoder) text(el xml.StartElement, in string) (string, error) {
	var b strings.Builder
	var read func() error
	read = func() error {
		for {
			t, err := d.token()
			if err != nil {
				return err
			}
			switch t := t.(type) {
			case xml.CharData:
				b.Write(t)
			case xml.EndElement:
				return nil
			case xml.StartElement:
				switch {
				case core(t, "mrk"):
					if err := read(); err != nil {
						return err
					}
				case core(t, "sm"), core(t, "em"):
					if err := d.skip(); err != nil {
						return err
					}
				default:
					return d.fail(InlineMarkup, "%s inside <%s>: only plain text is accepted", name(t.Name), in)
				}
			}
		}
	}
	err := read()
	return b.String(), err
}
