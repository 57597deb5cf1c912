-- Search (#12, ADR 0015): every change to searchable content leaves a row in search_outbox, in
-- the same transaction as the change — written by triggers, so that no write path (services,
-- moderation, bulk JPQL updates) can forget it. Each Mare node reads the rows past its own
-- position (kept in its Lucene index) and re-reads the named document through the features'
-- services; no node deletes rows another may need: rows older than mare.search.outbox-days are
-- pruned, and a node whose position fell behind the oldest row rebuilds its index.
CREATE TABLE search_outbox (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    doc_type   VARCHAR(12) NOT NULL COLLATE ascii_bin,
    doc_id     BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT ck_search_outbox_type CHECK (doc_type IN ('topic', 'tutorial', 'collective')),
    KEY ix_search_outbox_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- One row: a random identity of this database. An index built from another database (restored
-- dump, throwaway test database) names another generation and is rebuilt.
CREATE TABLE search_generation (
    id         TINYINT     NOT NULL,
    generation CHAR(36)    NOT NULL COLLATE ascii_bin,
    PRIMARY KEY (id),
    CONSTRAINT ck_search_generation_one CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

INSERT INTO search_generation (id, generation) VALUES (1, UUID());

CREATE TRIGGER search_topic_insert AFTER INSERT ON forum_topic FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('topic', NEW.id);
CREATE TRIGGER search_topic_update AFTER UPDATE ON forum_topic FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('topic', NEW.id);
CREATE TRIGGER search_topic_delete AFTER DELETE ON forum_topic FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('topic', OLD.id);

-- A post changes its topic's document; counters (likes, children) do not change any text.
CREATE TRIGGER search_post_insert AFTER INSERT ON forum_post FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('topic', NEW.topic_id);
CREATE TRIGGER search_post_update AFTER UPDATE ON forum_post FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id)
    SELECT 'topic', NEW.topic_id FROM DUAL
    WHERE NOT (NEW.body_markdown <=> OLD.body_markdown AND NEW.deleted_at <=> OLD.deleted_at
               AND NEW.hidden_at <=> OLD.hidden_at AND NEW.pending <=> OLD.pending
               AND NEW.topic_id <=> OLD.topic_id);
CREATE TRIGGER search_topic_tag_insert AFTER INSERT ON forum_topic_tag FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('topic', NEW.topic_id);
CREATE TRIGGER search_topic_tag_delete AFTER DELETE ON forum_topic_tag FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('topic', OLD.topic_id);

CREATE TRIGGER search_tutorial_insert AFTER INSERT ON wiki_page FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('tutorial', NEW.id);
CREATE TRIGGER search_tutorial_update AFTER UPDATE ON wiki_page FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('tutorial', NEW.id);
CREATE TRIGGER search_tutorial_delete AFTER DELETE ON wiki_page FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('tutorial', OLD.id);

CREATE TRIGGER search_collective_insert AFTER INSERT ON collective FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('collective', NEW.id);
CREATE TRIGGER search_collective_update AFTER UPDATE ON collective FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('collective', NEW.id);
CREATE TRIGGER search_collective_delete AFTER DELETE ON collective FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('collective', OLD.id);
CREATE TRIGGER search_expertise_insert AFTER INSERT ON collective_expertise FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('collective', NEW.collective_id);
CREATE TRIGGER search_expertise_update AFTER UPDATE ON collective_expertise FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('collective', NEW.collective_id);
CREATE TRIGGER search_expertise_delete AFTER DELETE ON collective_expertise FOR EACH ROW
    INSERT INTO search_outbox (doc_type, doc_id) VALUES ('collective', OLD.collective_id);
