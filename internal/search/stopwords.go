package search

// The stop words of each language, folded (ё written е). They are kept short
// on purpose: a word dropped here can never be found, so only words that
// occur everywhere and mean nothing alone belong here. The maps are never
// written after initialisation.
var (
	stopRussian = wordSet(
		"а", "в", "во", "для", "до", "его", "ее", "же", "за", "и", "из", "или",
		"их", "к", "как", "ли", "на", "не", "но", "о", "об", "он", "она", "они",
		"от", "по", "при", "с", "со", "так", "то", "у", "что", "это",
	)
	stopEnglish = wordSet(
		"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in",
		"is", "it", "its", "of", "on", "or", "that", "the", "this", "to",
		"was", "were", "with",
	)
	stopKyrgyz = wordSet(
		"ал", "алар", "анын", "бирок", "боюнча", "бул", "да", "дагы", "де",
		"деп", "же", "жана", "менен", "ошол", "үчүн", "эле", "эмес",
	)
)

func wordSet(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
