-- « Contacter ce collectif »: a conversation between one member (the sender) and the admins of a
-- collective, inside Mare (no e-mail address is ever shown). Messages store their Markdown and
-- its rendering by the one pipeline; moderation may hide one (hidden_*), readers then see why.
CREATE TABLE contact_conversation (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    collective_id   BIGINT       NOT NULL,
    sender_id       BIGINT       NOT NULL,
    subject         VARCHAR(120) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    last_message_at DATETIME(6)  NOT NULL,
    message_count   INT          NOT NULL DEFAULT 0,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_contact_conversation_collective FOREIGN KEY (collective_id) REFERENCES collective (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_conversation_sender FOREIGN KEY (sender_id) REFERENCES account (id),
    -- the sender's list, and « at most N new conversations a day » counted from stored rows
    KEY ix_contact_conversation_sender (sender_id, created_at),
    KEY ix_contact_conversation_collective (collective_id, last_message_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE contact_message (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    conversation_id  BIGINT       NOT NULL,
    author_id        BIGINT       NOT NULL,
    body_markdown    TEXT         NOT NULL,
    body_html        MEDIUMTEXT   NOT NULL,
    renderer_version INT          NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    hidden_at        DATETIME(6)  NULL,
    hidden_by        BIGINT       NULL,
    hidden_reason    VARCHAR(500) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_contact_message_conversation FOREIGN KEY (conversation_id) REFERENCES contact_conversation (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_message_author FOREIGN KEY (author_id) REFERENCES account (id),
    CONSTRAINT fk_contact_message_hidden_by FOREIGN KEY (hidden_by) REFERENCES account (id),
    KEY ix_contact_message_conversation (conversation_id, created_at, id),
    -- replies per member per hour, counted from stored rows
    KEY ix_contact_message_author (author_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Rate limits count rows already stored where they exist (forum_post has (author_id, created_at));
-- new topics per member need the same index on forum_topic.
ALTER TABLE forum_topic ADD KEY ix_forum_topic_author (author_id, created_at);

-- Registrations per address: only a keyed hash (HMAC-SHA-256) of the address and a time, purged
-- after a day. The key is drawn once per installation, here, and shared by every Mare instance
-- through the database; it never leaves it (no configuration, no log).
CREATE TABLE rate_limit_key (
    id     TINYINT    NOT NULL,
    secret BINARY(32) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_rate_limit_key_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO rate_limit_key (id, secret) VALUES (1, RANDOM_BYTES(32));

CREATE TABLE rate_limit_hit (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    kind         VARCHAR(20) NOT NULL COLLATE ascii_bin,
    subject_hash BINARY(32)  NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_rate_limit_hit_subject (kind, subject_hash, created_at),
    KEY ix_rate_limit_hit_created (created_at)
) ENGINE = InnoDB;
