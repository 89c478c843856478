-- +goose Up
-- Search on PostgreSQL answered from its GIN indexes alone:
-- - a text's language and kind join its terms as two lexemes without
--   position ('lang:ky', 'kind:news'), as they are tokens of the scope
--   column on SQLite, so that a query asks for them with its words and
--   the planner never filters a language's thousands of rows one by one;
-- - title_terms holds the title's terms (those weighted A in terms) and
--   the scope, so that "in the title", the first results of a broad
--   query, has a GIN index of its own.
ALTER TABLE search_docs ADD COLUMN title_terms tsvector NOT NULL DEFAULT ''::tsvector;
UPDATE search_docs SET
    title_terms = ts_filter(terms, '{a}') || array_to_tsvector(ARRAY['lang:' || lang, 'kind:' || kind]),
    terms = terms || array_to_tsvector(ARRAY['lang:' || lang, 'kind:' || kind]);
CREATE INDEX search_docs_title_terms ON search_docs USING gin (title_terms);
DROP INDEX search_docs_by_lang;
ANALYZE search_docs;

-- +goose Down
CREATE INDEX search_docs_by_lang ON search_docs (lang, kind);
DROP INDEX search_docs_title_terms;
ALTER TABLE search_docs DROP COLUMN title_terms;
UPDATE search_docs SET terms = ts_delete(terms, ARRAY['lang:' || lang, 'kind:' || kind]);
