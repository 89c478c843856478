package xliff

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// sample is what a translation tool might send back: a BOM, CRLF line
// ends, comments and a processing instruction, a metadata module, a unit
// split into two segments with an ignorable between them, annotation
// markers, a group, and a skeleton.
const sample = "\ufeff" + `<?xml version="1.0" encoding="UTF-8"?>
<!-- translated with a tool -->
<?tool keep-this?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"
       version="2.0" srcLang="ru" trgLang="ky">
  <file id="organisation-12" original="organisation/ministry-of-education">
    <skeleton href="none"/>
    <mda:metadata><mda:metaGroup><mda:meta type="x">y</mda:meta></mda:metaGroup></mda:metadata>
    <notes>
      <note category="datka:source-rev">3</note>
      <note>for the translator</note>
    </notes>
    <unit id="name" name="Name">
      <segment state="translated">
        <source xml:space="preserve">Министерство &amp; наука</source>
        <target xml:space="preserve" xml:lang="ky">Министрлиги &amp; <mrk id="m1" type="term">илим</mrk><sm id="s"/></target>
      </segment>
    </unit>
    <group id="g1">
      <unit id="description">
        <notes><note category="datka:format">markdown</note></notes>
        <originalData><data id="d1">&lt;b&gt;</data></originalData>
        <segment><source>Первый абзац.</source><target>Биринчи абзац.</target></segment>
        <ignorable><source>` + "\r\n\r\n" + `</source></ignorable>
        <segment><source>Второй.</source><target>Экинчи.</target></segment>
      </unit>
    </group>
    <unit id="summary">
      <segment><source>Кратко</source></segment>
    </unit>
    <unit id="section.0.items">
      <segment><source>a</source><target>а</target></segment>
      <segment><source>b</source></segment>
    </unit>
  </file>
</xliff>
<!-- end -->
`

func TestDecodeSample(t *testing.T) {
	doc, err := Decode(strings.NewReader(sample))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	want := &Document{Version: "2.0", SrcLang: "ru", TrgLang: "ky", Files: []File{{
		ID: "organisation-12", Original: "organisation/ministry-of-education", Line: 6,
		Notes: []Note{{"datka:source-rev", "3"}, {"", "for the translator"}},
		Units: []Unit{
			{ID: "name", Name: "Name", Line: 13, Source: "Министерство & наука", Target: "Министрлиги & илим", HasTarget: true},
			{ID: "description", Line: 20, Notes: []Note{{"datka:format", "markdown"}},
				Source: "Первый абзац.\n\nВторой.", Target: "Биринчи абзац.\n\nЭкинчи.", HasTarget: true},
			{ID: "summary", Line: 30, Source: "Кратко"},
			{ID: "section.0.items", Line: 33, Source: "ab", Partial: true},
		},
	}}}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("Decode:\n got %+v\nwant %+v", doc, want)
	}
	if rev, ok := doc.Files[0].Note("datka:source-rev"); !ok || rev != "3" {
		t.Errorf(`Note("datka:source-rev") = %q, %v`, rev, ok)
	}
	if _, ok := doc.Files[0].Note("absent"); ok {
		t.Error(`Note("absent") found a note`)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	tricky := []string{
		"Кыргыз Республикасынын Билим берүү жана илим министрлиги (ө ү ң)",
		"line one\nline two\n\n- item\n- item",
		"  leading and trailing spaces  ",
		"\ttab",
		`<script>alert("x")</script> & &amp; ]]> '`,
		"**bold** [link](/ky/about)",
		"",
	}
	d := &Document{SrcLang: "ru", TrgLang: "ky"}
	f := File{ID: "page-3", Original: "page/about", Notes: []Note{{"datka:source-rev", "7"}}}
	for i, s := range tricky {
		u := Unit{ID: "u" + string(rune('a'+i)), Source: s, Notes: []Note{{"datka:format", "plain"}}}
		if i%2 == 0 {
			u.Target, u.HasTarget = strings.ToUpper(s), true
		}
		f.Units = append(f.Units, u)
	}
	d.Files = []File{f}
	var buf bytes.Buffer
	if err := Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="ky">`,
		`<source xml:space="preserve">line one` + "\nline two\n",
		`&lt;script&gt;`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the document lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<script>") || strings.Contains(out, "&#xA;") {
		t.Errorf("text is not escaped as it should be:\n%s", out)
	}
	back, err := Decode(&buf)
	if err != nil {
		t.Fatalf("Decode of Encode: %v\n%s", err, out)
	}
	if back.Version != "2.0" || back.SrcLang != "ru" || back.TrgLang != "ky" || len(back.Files) != 1 {
		t.Fatalf("header: %+v", back)
	}
	g := back.Files[0]
	if g.ID != f.ID || g.Original != f.Original || !reflect.DeepEqual(g.Notes, f.Notes) || len(g.Units) != len(f.Units) {
		t.Fatalf("file: %+v", g)
	}
	for i, u := range g.Units {
		w := f.Units[i]
		if u.ID != w.ID || u.Source != w.Source || u.Target != w.Target || u.HasTarget != w.HasTarget || !reflect.DeepEqual(u.Notes, w.Notes) {
			t.Errorf("unit %d: got %+v, want %+v", i, u, w)
		}
	}
}

// doc wraps units of one file in a valid document.
func doc(units string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="ky">
<file id="page-1">
` + units + `
</file>
</xliff>`
}

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="ky">
<file id="page-1"><unit id="title"><segment><source>x</source><target>&lol9;</target></segment></unit></file>
</xliff>`

func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name string
		in   string
		kind ErrorKind
		line int // 0: not checked
	}{
		{"billion laughs", billionLaughs, Doctype, 7},
		{"external entity", `<?xml version="1.0"?>
<!DOCTYPE xliff SYSTEM "file:///etc/passwd">
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="ky"/>`, Doctype, 2},
		{"entity without a DOCTYPE", doc(`<unit id="t"><segment><source>x</source><target>&lol;</target></segment></unit>`), Syntax, 4},
		{"unclosed element", doc(`<unit id="t"><segment><source>x</source></unit>`), Syntax, 4},
		{"empty input", "", Syntax, 0},
		{"not XML", "title,body\nЗаголовок,Текст\n", Syntax, 0},
		{"another encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><xliff/>`, Syntax, 0},
		{"invalid UTF-8", doc("<unit id=\"t\"><segment><source>x</source><target>\xff\xfe</target></segment></unit>"), Syntax, 4},
		{"content after the root", doc("") + "<xliff/>", Syntax, 0},
		{"XLIFF 1.2", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" source-language="ru" target-language="ky" datatype="plaintext"><body/></file></xliff>`, WrongVersion, 1},
		{"version 3.0", strings.Replace(doc(""), `version="2.0"`, `version="3.0"`, 1), WrongVersion, 2},
		{"no namespace", strings.Replace(doc(""), ` xmlns="urn:oasis:names:tc:xliff:document:2.0"`, "", 1), NotXLIFF, 2},
		{"HTML", `<html><body>hi</body></html>`, NotXLIFF, 1},
		{"no trgLang", strings.Replace(doc(""), ` trgLang="ky"`, "", 1), BadStructure, 2},
		{"no file", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="ky"></xliff>`, BadStructure, 0},
		{"file without id", strings.Replace(doc(""), ` id="page-1"`, "", 1), BadStructure, 3},
		{"unit without id", doc(`<unit><segment><source>x</source></segment></unit>`), BadStructure, 4},
		{"unit without segment", doc(`<unit id="t"></unit>`), BadStructure, 4},
		{"segment without source", doc(`<unit id="t"><segment><target>x</target></segment></unit>`), BadStructure, 4},
		{"text in a file", doc(`stray words`), BadStructure, 5},
		{"unknown XLIFF element", doc(`<unit id="t"><segment><source>x</source><translation>y</translation></segment></unit>`), BadStructure, 4},
		{"target in another language", doc(`<unit id="t"><segment><source>x</source><target xml:lang="en">y</target></segment></unit>`), BadStructure, 4},
		{"inline code in a target", doc(`<unit id="t">
<segment><source>x</source>
<target>y <pc id="1" dataRefStart="d1">bold</pc></target></segment></unit>`), InlineMarkup, 6},
		{"placeholder in a source", doc(`<unit id="t"><segment><source>x<ph id="1"/></source></segment></unit>`), InlineMarkup, 4},
		{"foreign element in a target", doc(`<unit id="t"><segment><source>x</source><target><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></target></segment></unit>`), InlineMarkup, 4},
		{"too deep", doc(`<unit id="t"><x:a xmlns:x="urn:x">` + strings.Repeat("<x:a>", 40) + strings.Repeat("</x:a>", 41) + `<segment><source>x</source></segment></unit>`), OverLimits, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(strings.NewReader(tt.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Decode = %+v, %v; want an *Error of kind %s", d, err, tt.kind)
			}
			if e.Kind != tt.kind {
				t.Errorf("kind %s (%v), want %s", e.Kind, e, tt.kind)
			}
			if tt.line != 0 && e.Line != tt.line {
				t.Errorf("line %d (%v), want %d", e.Line, e, tt.line)
			}
			if e.Detail == "" || !strings.HasPrefix(e.Error(), "xliff: ") {
				t.Errorf("error %q says nothing", e.Error())
			}
		})
	}
}

func TestDecodeLimits(t *testing.T) {
	t.Run("a document over MaxBytes", func(t *testing.T) {
		in := doc(`<unit id="t"><segment><source>x</source></segment></unit>`)
		in = strings.Replace(in, "</file>", strings.Repeat(" ", MaxBytes-len(in)+1)+"</file>", 1)
		_, err := Decode(strings.NewReader(in))
		var e *Error
		if !errors.As(err, &e) || e.Kind != TooLarge {
			t.Fatalf("Decode of %d bytes: %v, want %s", len(in), err, TooLarge)
		}
	})
	t.Run("a document at MaxBytes", func(t *testing.T) {
		in := doc(`<unit id="t"><segment><source>x</source></segment></unit>`)
		in = strings.Replace(in, "</file>", strings.Repeat(" ", MaxBytes-len(in))+"</file>", 1)
		if _, err := Decode(strings.NewReader(in)); err != nil {
			t.Fatalf("Decode of %d bytes: %v", len(in), err)
		}
	})
	t.Run("too many elements", func(t *testing.T) {
		// 30 units of 3 elements, in <xliff> and <file>: 92 elements.
		in := doc(strings.Repeat(`<unit id="t"><segment><source>x</source></segment></unit>`, 30))
		_, err := decode(strings.NewReader(in), limits{bytes: MaxBytes, depth: 32, elements: 80})
		var e *Error
		if !errors.As(err, &e) || e.Kind != OverLimits {
			t.Fatalf("decode: %v, want %s", err, OverLimits)
		}
		if _, err := decode(strings.NewReader(in), limits{bytes: MaxBytes, depth: 32, elements: 100}); err != nil {
			t.Errorf("decode within the limit: %v", err)
		}
	})
}

// FuzzDecode checks that no input makes Decode panic or return a
// document together with an error.
func FuzzDecode(f *testing.F) {
	f.Add(sample)
	f.Add(billionLaughs)
	f.Add(doc(`<unit id="t"><segment><source>x</source><target>y</target></segment></unit>`))
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Decode(strings.NewReader(in))
		if (d == nil) == (err == nil) {
			t.Fatalf("Decode = %v, %v", d, err)
		}
	})
}
