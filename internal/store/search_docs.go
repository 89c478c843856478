package store

import "context"

// publishedDocs builds the index documents of every published text, as
// Reindex stores them.
func (s *Store) publishedDocs(ctx context.Context) ([]searchDoc, error) {
	pages, err := s.Pages(ctx)
	if err != nil {
		return nil, err
	}
	orgs, err := s.Organisations(ctx)
	if err != nil {
		return nil, err
	}
	entries, err := s.allEntries(ctx)
	if err != nil {
		return nil, err
	}
	var docs []searchDoc
	for _, p := range pages {
		for _, t := range p.Texts {
			if t.Published() {
				docs = append(docs, pageDoc(p.ID, t))
			}
		}
	}
	for _, o := range orgs {
		for _, t := range o.Texts {
			if t.Published() {
				docs = append(docs, orgDoc(o.ID, o.Role, t))
			}
		}
	}
	for _, e := range entries {
		for _, t := range e.Texts {
			if t.Published() {
				docs = append(docs, entryDoc(e.ID, e.Type, e.Date, t))
			}
		}
	}
	return docs, nil
}

// SearchDoc is one published text as the search index sees it: the
// static export builds its own index from these, with the same analysers,
// so that an archive finds what the live search finds.
type SearchDoc struct {
	SearchHit
	// TitleText and BodyText are what the analyser reads for the title
	// and the body columns: the title with the item's other names, the
	// text with its tags and place.
	TitleText, BodyText string
}

// SearchDocs returns every published text as it is indexed.
func (s *Store) SearchDocs(ctx context.Context) ([]SearchDoc, error) {
	docs, err := s.publishedDocs(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SearchDoc, len(docs))
	for i, d := range docs {
		out[i] = SearchDoc{
			SearchHit: SearchHit{GroupID: d.groupID, Lang: d.lang, Kind: d.kind, Parent: d.parent, Slug: d.slug,
				Title: d.title, Text: d.text, Date: d.date},
			TitleText: joinText(d.title, d.titleExtra),
			BodyText:  joinText(d.text, d.bodyExtra),
		}
	}
	return out, nil
}
