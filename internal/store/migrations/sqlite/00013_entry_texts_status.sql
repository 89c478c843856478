-- +goose Up
-- Lists of entries ask of every entry whether a text in one of the
-- reader's languages is published. With the status in an index beside
-- the key the answer is in the index, not in the text's row, which holds
-- its body: a list read in full no longer touches the bodies.
CREATE INDEX entry_texts_status ON entry_texts (group_id, lang, status);

-- +goose Down
DROP INDEX entry_texts_status;
