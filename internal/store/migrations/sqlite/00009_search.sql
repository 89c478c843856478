-- +goose Up
-- The search index. Text is analysed in Go (package search): the database
-- only stores the terms the analyser made, space-separated, and matches
-- them whole, so that every database datka runs on finds the same items.
-- The ascii tokenizer splits on ASCII spaces and punctuation only, and
-- terms hold letters and digits only, so each term stays one token.
CREATE TABLE search_docs (
    id       INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES translation_groups (id) ON DELETE CASCADE,
    lang     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    parent   TEXT NOT NULL DEFAULT '', -- the layout of the page it is listed under
    slug     TEXT NOT NULL DEFAULT '',
    title    TEXT NOT NULL,
    text     TEXT NOT NULL, -- plain text, for snippets
    date     TEXT NOT NULL DEFAULT '',
    UNIQUE (group_id, lang)
);
CREATE INDEX search_docs_by_lang ON search_docs (lang, kind);

-- scope holds a text's language and kind as tokens ("langru kindnews"),
-- so that the full-text index alone answers a search in one language and
-- kind, without reading search_docs for every match. The table keeps no
-- copy of the terms (content=''): only the index, which is all a search
-- reads; rows are still deleted by rowid (contentless_delete).
CREATE VIRTUAL TABLE search_terms USING fts5 (
    scope, title, body,
    tokenize = 'ascii', content = '', contentless_delete = 1
);
-- Matches in a title weigh four times those in the text.
INSERT INTO search_terms (search_terms, rank) VALUES ('rank', 'bm25(0.0, 4.0, 1.0)');

-- The version of the analysers that made the index; a new version
-- rebuilds it.
CREATE TABLE search_state (
    analyser INTEGER NOT NULL
);

-- +goose Down
DROP TABLE search_state;
DROP TABLE search_terms;
DROP TABLE search_docs;
