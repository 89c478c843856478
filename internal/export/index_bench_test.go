package export

import (
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/i18n"
)

// BenchmarkBuildIndex indexes 3,000 news items of one language, each a few
// hundred words long: the index of one language of a large site.
func BenchmarkBuildIndex(b *testing.B) {
	cat, err := i18n.Load("ru")
	if err != nil {
		b.Fatal(err)
	}
	loc, err := time.LoadLocation("Asia/Bishkek")
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"ru", "ky"} {
		docs := syntheticDocs(lang, 3000, 300, 1)
		tr := cat.For(lang)
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buildIndex(lang, docs, testURLOf, tr, loc)
			}
		})
	}
}
