package export

import (
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/store"
)

// BenchmarkBuildIndex indexes 3,000 news items of one language, each a few
// hundred words long: the index of one language of a large site.
func BenchmarkBuildIndex(b *testing.B) { benchmarkBuildIndex(b, buildIndex) }

// BenchmarkBuildIndexReference is the same for the code buildIndex
// replaced, to measure both on the same machine at the same time.
func BenchmarkBuildIndexReference(b *testing.B) { benchmarkBuildIndex(b, buildIndexReference) }

func benchmarkBuildIndex(b *testing.B, build func(string, []store.SearchDoc, func(store.SearchHit) string, *i18n.Translator, *time.Location) *searchIndex) {
	cat, err := i18n.Load("ru")
	if err != nil {
		b.Fatal(err)
	}
	loc, err := time.LoadLocation("Asia/Bishkek")
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"ru", "ky"} {
		docs := syntheticDocs(lang, 3000, 300, 1, false)
		tr := cat.For(lang)
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				build(lang, docs, testURLOf, tr, loc)
			}
		})
	}
}
