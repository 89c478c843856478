-- +goose Up
-- Every instance of datka keeps caches of what it renders. A change to the
-- content notifies channel datka_changes, with the schema written to and
-- the writer's application_name as payload, so that the other instances
-- of the same site drop theirs (sites in other schemas of the database
-- hear it too, and pass it by).
-- Triggers notify in the writing transaction: the notification goes out
-- when it commits and never when it rolls back, whichever program wrote.
-- PostgreSQL folds the same notification sent many times in one
-- transaction into one. Sessions, sign-in failures, the audit log,
-- messages, mail and leases change no page and notify no one.

-- +goose StatementBegin
CREATE FUNCTION datka_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('datka_changes', current_schema() || ' ' || current_setting('application_name'));
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON translation_groups
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pages
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON page_texts
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation_texts
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation_former_names
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_settings
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON drafts
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON revisions
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON schedule
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON media
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON media_variants
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON media_alt
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON entries
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON entry_texts
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON entry_tags
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_docs
    FOR EACH STATEMENT EXECUTE FUNCTION datka_notify_change();

-- +goose Down
DROP TRIGGER notify_change ON translation_groups;
DROP TRIGGER notify_change ON pages;
DROP TRIGGER notify_change ON page_texts;
DROP TRIGGER notify_change ON organisations;
DROP TRIGGER notify_change ON organisation_texts;
DROP TRIGGER notify_change ON organisation_former_names;
DROP TRIGGER notify_change ON site_settings;
DROP TRIGGER notify_change ON users;
DROP TRIGGER notify_change ON drafts;
DROP TRIGGER notify_change ON revisions;
DROP TRIGGER notify_change ON schedule;
DROP TRIGGER notify_change ON media;
DROP TRIGGER notify_change ON media_variants;
DROP TRIGGER notify_change ON media_alt;
DROP TRIGGER notify_change ON entries;
DROP TRIGGER notify_change ON entry_texts;
DROP TRIGGER notify_change ON entry_tags;
DROP TRIGGER notify_change ON search_docs;
DROP FUNCTION datka_notify_change();
