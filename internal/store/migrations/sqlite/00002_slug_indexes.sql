-- +goose Up
-- Slugs are looked up without knowing their language (a Russian slug under
-- /ky/ finds the Russian text to fall back on), so they need an index of
-- their own besides the (lang, slug) unique one.
CREATE INDEX page_texts_slug ON page_texts (slug);
CREATE INDEX organisation_texts_slug ON organisation_texts (slug);
CREATE INDEX pages_menu ON pages (in_menu, position);

-- +goose Down
DROP INDEX pages_menu;
DROP INDEX organisation_texts_slug;
DROP INDEX page_texts_slug;
