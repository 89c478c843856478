package search

import (
	"strings"
	"testing"
)

const (
	benchRussian = "В Бишкеке прошёл круглый стол о правах женщин. Участники обсудили доступ к образованию и работе. " +
		"Отдельная сессия была посвящена гендерному равенству в местных советах, где равенство пока не достигнуто. "
	benchKyrgyz = "Долбоордун алкагында аялдардын укуктары боюнча тренингдер өттү. Жаштар жана окуучулар " +
		"мамлекеттик тилде маалымат алышты, уюмдардын өкүлдөрү теңчилик маселелерин талкуулашты. "
	benchEnglish = "A round table on women's rights was held in Bishkek. Participants discussed access to education " +
		"and work, and the organisers promised to continue trainings for journalists in the regions. "
)

func benchmarkTerms(b *testing.B, lang, text string) {
	a := For(lang)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		a.Terms(text)
	}
}

func BenchmarkAnalyzeRussian(b *testing.B) { benchmarkTerms(b, "ru", benchRussian) }
func BenchmarkAnalyzeKyrgyz(b *testing.B)  { benchmarkTerms(b, "ky", benchKyrgyz) }
func BenchmarkAnalyzeEnglish(b *testing.B) { benchmarkTerms(b, "en", benchEnglish) }

func BenchmarkQuery(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Query("ru", `гендерное "равенство" AND тренинги`)
	}
}

func BenchmarkSnippet(b *testing.B) {
	text := strings.Repeat(benchRussian, 20)
	terms := Query("ru", "равенство тренинги")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Snippet("ru", text, terms, 200)
	}
}
