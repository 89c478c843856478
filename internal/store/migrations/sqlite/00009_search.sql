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

CREATE VIRTUAL TABLE search_terms USING fts5 (title, body, tokenize = 'ascii');

-- The version of the analysers that made the index; a new version
-- rebuilds it.
CREATE TABLE search_state (
    analyser INTEGER NOT NULL
);

-- +goose Down
DROP TABLE search_state;
DROP TABLE search_terms;
DROP TABLE search_docs;
