package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Langs are the languages every generated item is written in, in the
// order of the arrays below.
var Langs = [3]string{"ru", "ky", "en"}

const (
	ru = iota
	ky
	en
)

// Text is one language's version of a news item.
type Text struct {
	Title, Summary, Body string
}

// Link is a page of the seeded site a news item may point to, in each
// language: its title and path ("/ru/o-proekte").
type Link struct {
	Title [3]string
	URL   [3]string
}

// OrgLink is a government body of the seeded site: its page, and its own
// website with the label the seed gives it.
type OrgLink struct {
	Link
	Website string
	Label   [3]string
}

// Links are the targets news items link to; any may be empty.
type Links struct {
	About, Government Link
	Orgs              []OrgLink
}

// words is a text being built in the three languages at once.
type words [3]string

func (w words) cap() words {
	for i := range w {
		w[i] = capitalise(w[i])
	}
	return w
}

// gen writes one news item. Its random source is seeded by the item's
// number alone, so that any item can be made again without the others.
type gen struct {
	r     *rand.Rand
	links *Links
	topic topic // what the item is about
	other topic // a second topic, for context sentences used twice
	place place
}

// Item returns news item n in Russian, Kyrgyz and English.
func Item(seed uint64, n int, links *Links) [3]Text {
	g := &gen{r: rand.New(rand.NewPCG(seed, uint64(n))), links: links}
	g.topic = pick(g.r, topics)
	for g.other = pick(g.r, topics); g.other == g.topic; g.other = pick(g.r, topics) {
	}
	g.place = pick(g.r, places)

	var title words
	var s story
	for try := 0; ; try++ {
		s = g.story()
		title = g.title(s)
		if try > 50 || titleOK(title) {
			break // long names make long titles; try another story
		}
	}

	w := pick(g.r, when)
	lead, leadShown := g.lead(w, s, false), g.lead(w, s, g.r.IntN(5) < 2)
	summary, first := lead, leadShown
	counted := s.kind == hTraining || s.kind == hJournalists ||
		(s.ev.kind == training || s.ev.kind == meeting) && g.r.IntN(2) == 0
	if counted {
		plain, shown := g.participation(s, g.r.IntN(3) == 0)
		summary, first = join(summary, plain), join(first, shown)
	}
	paras := []words{first}

	target := 350 + g.r.IntN(301) // Russian words in the body
	count := 4 + g.r.IntN(6)      // paragraphs, the list among them
	pool := g.pool(s, !counted)
	list := -1
	if g.r.IntN(3) == 0 {
		list = 1 + g.r.IntN(count-1)
	}
	have := wordCount(first[ru])
	for i := 1; i < 9 && len(pool) > 0; i++ {
		if i == list {
			l := g.list()
			paras = append(paras, l)
			have += wordCount(l[ru])
			continue
		}
		if i >= count && have >= target {
			break
		}
		per := (target - have) / max(count-i, 1) / 11
		per = max(2, min(per, 9))
		var p words
		for ; per > 0 && len(pool) > 0; per-- {
			p = join(p, pool[0])
			pool = pool[1:]
		}
		paras = append(paras, p)
		have += wordCount(p[ru])
	}
	if l, ok := g.link(); ok && g.r.IntN(2) == 0 {
		last := &paras[len(paras)-1]
		if strings.Contains(last[ru], "\n- ") {
			paras = append(paras, l)
		} else {
			*last = join(*last, l)
		}
	}

	var out [3]Text
	for i := range out {
		var b strings.Builder
		for j, p := range paras {
			if j > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(p[i])
		}
		out[i] = Text{Title: title[i], Summary: summary[i], Body: b.String()}
	}
	return out
}

// headline is the kind of story an item tells; it decides the title and
// what the lead must say.
type headline int

const (
	hEvent       headline = iota // someone held something somewhere
	hTraining                    // so many people were trained
	hTalks                       // two bodies discussed a topic
	hContest                     // a competition was announced
	hStudy                       // a study was published
	hCampaign                    // a campaign started
	hJournalists                 // journalists from a region learnt something
)

// story is the facts of the lead, chosen once for title and body.
type story struct {
	kind   headline
	who    actor
	ev     event
	v      verb
	n      int
	people tri
	region tri
}

func (g *gen) story() story {
	s := story{kind: headline(g.r.IntN(int(hJournalists) + 1)), who: pick(g.r, actors)}
	s.n, s.people, s.region = pick(g.r, counts), pick(g.r, people), pick(g.r, regions)
	want := map[headline]eventKind{hTraining: training, hJournalists: training, hTalks: meeting,
		hContest: contest, hStudy: study, hCampaign: campaign}
	k, fixed := want[s.kind]
	for s.ev = pick(g.r, events); fixed && s.ev.kind != k; s.ev = pick(g.r, events) {
	}
	if s.kind == hEvent && g.r.IntN(2) == 0 {
		s.kind = hTraining // the most common story
		for s.ev.kind != training {
			s.ev = pick(g.r, events)
		}
	}
	s.v = verbs[pick(g.r, s.ev.verbs)]
	switch s.kind {
	case hStudy:
		s.v = verbs[vPublish]
	case hContest:
		s.v = verbs[vAnnounce]
	case hCampaign:
		s.v = verbs[vLaunch]
	case hJournalists:
		s.people = people[1]
		s.region = pick(g.r, regions[:7])
	case hTalks:
		b := pick(g.r, actors)
		for b == s.who {
			b = pick(g.r, actors)
		}
		a := s.who
		s.who = actor{a.ru + " и " + b.ru, plural, a.ky + " менен " + b.ky, true, a.en + " and " + b.en, true}
	}
	return s
}

// titleOK keeps headlines between 6 and 12 words in every language.
func titleOK(t words) bool {
	for _, s := range t {
		if n := wordCount(s); n < 6 || n > 12 {
			return false
		}
	}
	return true
}

func (g *gen) title(s story) words {
	t, p, a := g.topic, g.place, s.who
	n := strconv.Itoa(s.n)
	switch s.kind {
	case hTraining:
		return words{
			p.ru + " " + n + " " + s.people.ru + " прошли обучение по " + t.dat,
			p.ky + " " + n + " " + s.people.ky + " " + t.ky + " боюнча окуудан өттү",
			n + " " + s.people.en + " in " + p.en + " complete training on " + t.en,
		}.cap()
	case hTalks:
		return words{
			a.ru + " обсудили вопросы " + t.gen,
			a.ky + " " + t.ky + " маселелерин талкуулашты",
			a.en + " discuss " + t.en,
		}.cap()
	case hContest:
		return words{
			"Объявлен конкурс журналистских материалов " + about(t.prep),
			t.ky + " тууралуу журналисттик материалдардын сынагы жарыяланды",
			"Competition for journalistic stories on " + t.en + " announced",
		}.cap()
	case hStudy:
		return words{
			p.ru + " опубликовано новое исследование " + about(t.prep),
			p.ky + " " + t.ky + " боюнча жаңы изилдөө жарыяланды",
			"New study on " + t.en + " published in " + p.en,
		}.cap()
	case hCampaign:
		return words{
			p.ru + " стартовала информационная кампания " + about(t.prep),
			p.ky + " " + t.ky + " тууралуу маалыматтык кампания башталды",
			"Information campaign on " + t.en + " starts in " + p.en,
		}.cap()
	case hJournalists:
		return words{
			"Журналисты " + s.region.ru + " учились писать " + about(t.prep),
			s.region.ky + " келген журналисттер " + t.ky + " тууралуу жазууну үйрөнүштү",
			"Journalists from " + s.region.en + " learn to write about " + t.en,
		}.cap()
	}
	return words{
		a.ru + " " + s.v.ru[a.g] + " " + g.fill(s.ev.ru, ru) + " " + p.ru,
		a.ky + " " + p.ky + " " + g.fill(s.ev.ky, ky) + " " + s.v.ky[b2i(a.kyPl)],
		a.en + " " + ifElse(a.enPl, s.v.enPlur, s.v.en3) + " " + g.fill(s.ev.en, en) + " in " + p.en,
	}.cap()
}

// lead is the first sentence: who did what, where and when.
func (g *gen) lead(w tri, s story, bold bool) words {
	a, v := s.who, s.v
	e := words{g.fill(s.ev.ru, ru), g.fill(s.ev.ky, ky), g.fill(s.ev.en, en)}
	if bold {
		e = strong(e)
	}
	return words{
		w.ru + " " + g.place.ru + " " + a.ru + " " + v.ru[a.g] + " " + e[ru] + ".",
		w.ky + " " + g.place.ky + " " + a.ky + " " + e[ky] + " " + v.ky[b2i(a.kyPl)] + ".",
		w.en + ", " + a.en + " " + v.enPast + " " + e[en] + " in " + g.place.en + ".",
	}
}

// participation says how many people took part, and from where: plain,
// and as shown in the body, where the count may be bold.
func (g *gen) participation(s story, bold bool) (plain, shown words) {
	n := strconv.Itoa(s.n)
	say := func(who words) words {
		r, t := s.region, g.topic
		if s.ev.kind == training {
			return words{
				"Всего обучение по " + t.dat + " прошли " + who[ru] + " " + r.ru + ".",
				"Жалпысынан " + r.ky + " " + who[ky] + " " + t.ky + " боюнча окуудан өттү.",
				"In total, " + who[en] + " from " + r.en + " completed training on " + t.en + ".",
			}
		}
		return words{
			"В мероприятии приняли участие " + who[ru] + " " + r.ru + ".",
			"Иш-чарага " + r.ky + " " + who[ky] + " катышты.",
			"The event brought together " + who[en] + " from " + r.en + ".",
		}
	}
	who := words{n + " " + s.people.ru, n + " " + s.people.ky, n + " " + s.people.en}
	plain, shown = say(who), say(who)
	if bold {
		shown = say(strong(who))
	}
	return plain, shown
}

// pool is the body's sentences after the lead, in the order they will be
// used: context sentences about the item's topic with quotes, claims and
// (withCount) a head count mixed in, a few about the second topic late in
// the text, and the rest of those for the longest texts.
func (g *gen) pool(s story, withCount bool) []words {
	var out []words
	var again []words
	for _, i := range g.r.Perm(len(contexts)) {
		c := contexts[i]
		out = append(out, g.context(c, g.topic))
		if strings.Contains(c.ru, "{gen}") || strings.Contains(c.ru, "{dat}") || strings.Contains(c.ru, "{o}") {
			again = append(again, g.context(c, g.other))
		}
	}
	var extra []words
	if withCount && (s.ev.kind == training || s.ev.kind == meeting) {
		_, p := g.participation(s, g.r.IntN(4) == 0)
		extra = append(extra, p)
	}
	qs, ss := g.r.Perm(len(quotes)), g.r.Perm(len(speakers))
	for i := range 1 + g.r.IntN(3) {
		extra = append(extra, g.quote(quotes[qs[i]], speakers[ss[i]]))
	}
	cs := g.r.Perm(len(claims))
	for i := range 1 + g.r.IntN(2) {
		extra = append(extra, g.claim(claims[cs[i]]))
	}
	for _, e := range extra {
		at := g.r.IntN(min(len(out), 12) + 1)
		out = append(out[:at], append([]words{e}, out[at:]...)...)
	}
	// A few sentences come back about the second topic, late in the text.
	g.r.Shuffle(len(again), func(i, j int) { again[i], again[j] = again[j], again[i] })
	k := min(len(again), 1+g.r.IntN(3))
	for _, e := range again[:k] {
		at := len(out)/2 + g.r.IntN(len(out)/2+1)
		out = append(out[:at], append([]words{e}, out[at:]...)...)
	}
	return append(out, again[k:]...) // used only by the longest texts
}

func (g *gen) context(c tri, t topic) words {
	saved := g.topic
	g.topic = t
	defer func() { g.topic = saved }()
	rec := pick(g.r, recipients)
	w := words{g.fill(c.ru, ru), g.fill(c.ky, ky), g.fill(c.en, en)}
	for i, s := range [3]string{rec.ru, rec.ky, rec.en} {
		w[i] = strings.ReplaceAll(w[i], "{recipient}", s)
	}
	return w.cap()
}

func (g *gen) quote(q tri, s speaker) words {
	say := pick(g.r, sayings)
	ruVerb := say.ruM
	if s.fem {
		ruVerb = say.ruF
	}
	qru, qky, qen := strings.TrimSuffix(q.ru, "."), strings.TrimSuffix(q.ky, "."), strings.TrimSuffix(q.en, ".")
	if g.r.IntN(2) == 0 {
		return words{
			"«" + qru + "», — " + ruVerb + " " + s.ru + ".",
			"«" + qky + "», — деди " + s.ky + ".",
			"“" + qen + ",” " + say.en + " " + s.en + ".",
		}
	}
	return words{
		capitalise(s.ru) + " " + ruVerb + ": «" + qru + "».",
		capitalise(s.ky) + " мындай деди: «" + qky + "».",
		capitalise(s.en) + " " + say.en + ": “" + qen + ".”",
	}
}

func (g *gen) claim(c tri) words {
	if g.r.IntN(2) == 0 {
		return words{
			"Участники отметили, что " + c.ru + ".",
			"Катышуучулар " + c.ky + " деп белгилешти.",
			"Participants noted that " + c.en + ".",
		}
	}
	return words{
		"Эксперты считают, что " + c.ru + ".",
		"Эксперттердин пикиринде, " + c.ky + ".",
		"Experts believe that " + c.en + ".",
	}
}

// list is a Markdown list of what the programme held.
func (g *gen) list() words {
	intro := pick(g.r, listIntros)
	w := words{intro.ru + "\n", intro.ky + "\n", intro.en + "\n"}
	for _, i := range g.r.Perm(len(listItems))[:3+g.r.IntN(3)] {
		it := listItems[i]
		for l, s := range [3]string{it.ru, it.ky, it.en} {
			w[l] += "\n- " + capitalise(g.fill(s, l))
		}
	}
	return w
}

// link is a sentence with a Markdown link to a page of the site or to a
// government body's own website.
func (g *gen) link() (words, bool) {
	L := g.links
	if L == nil {
		return words{}, false
	}
	switch k := g.r.IntN(4); {
	case k == 0 && L.About.URL[ru] != "":
		a := L.About
		return words{
			"Подробнее о проекте — в разделе [«" + a.Title[ru] + "»](" + a.URL[ru] + ").",
			"Долбоор тууралуу кененирээк — [«" + a.Title[ky] + "»](" + a.URL[ky] + ") бөлүмүндө.",
			"More about the project is in [" + a.Title[en] + "](" + a.URL[en] + ").",
		}, true
	case k == 1 && L.Government.URL[ru] != "":
		a := L.Government
		return words{
			"О других государственных партнёрах проекта читайте в разделе [«" + a.Title[ru] + "»](" + a.URL[ru] + ").",
			"Долбоордун башка мамлекеттик өнөктөштөрү тууралуу [«" + a.Title[ky] + "»](" + a.URL[ky] + ") бөлүмүнөн окуңуз.",
			"Read about the project's other government partners in [" + a.Title[en] + "](" + a.URL[en] + ").",
		}, true
	case len(L.Orgs) > 0:
		o := pick(g.r, L.Orgs)
		if k == 2 || o.Website == "" {
			return words{
				"[" + o.Title[ru] + "](" + o.URL[ru] + ") — один из государственных партнёров проекта.",
				"[" + o.Title[ky] + "](" + o.URL[ky] + ") — долбоордун мамлекеттик өнөктөштөрүнүн бири.",
				"[" + o.Title[en] + "](" + o.URL[en] + ") is one of the project's government partners.",
			}, true
		}
		return words{
			"Подробнее: [" + o.Label[ru] + "](" + o.Website + ").",
			"Кененирээк: [" + o.Label[ky] + "](" + o.Website + ").",
			"More information: [" + o.Label[en] + "](" + o.Website + ").",
		}, true
	}
	return words{}, false
}

// fill replaces the topic and place placeholders of a template in
// language l.
func (g *gen) fill(s string, l int) string {
	if !strings.Contains(s, "{") {
		return s
	}
	t, p := g.topic, g.place
	var r *strings.Replacer
	switch l {
	case ru:
		r = strings.NewReplacer("{dat}", t.dat, "{gen}", t.gen, "{o}", about(t.prep), "{place}", p.ru)
	case ky:
		r = strings.NewReplacer("{t}", t.ky, "{T}", capitalise(t.ky), "{place}", p.ky, "{placeattr}", p.kyAttr)
	default:
		r = strings.NewReplacer("{t}", t.en, "{T}", capitalise(t.en), "{place}", p.en)
	}
	return r.Replace(s)
}

// about is Russian "о" with the prepositional, "об" before a vowel.
func about(prep string) string {
	r, _ := utf8.DecodeRuneInString(prep)
	if strings.ContainsRune("аиоуэАИОУЭ", r) {
		return "об " + prep
	}
	return "о " + prep
}

func strong(w words) words {
	for i := range w {
		w[i] = "**" + w[i] + "**"
	}
	return w
}

// join appends sentence b to paragraph a.
func join(a, b words) words {
	for i := range a {
		if a[i] == "" {
			a[i] = b[i]
		} else {
			a[i] += " " + b[i]
		}
	}
	return a
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// wordCount counts words, not dashes or list bullets.
func wordCount(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func ifElse[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}
