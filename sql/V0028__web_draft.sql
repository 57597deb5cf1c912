-- The text of a member kept for one page (issue #14, #17, docs/adr/0036): written when their session
-- ended before a post (kept at the login that follows) or when a form expired, and put back in
-- the form of `path`, once, by whichever node serves it (it was in the HTTP session of one node).
-- Keyed by the SHA-256 of 256 random bits held in the MARE_DRAFT cookie of that browser, shown only
-- to `owner` (the account's name at the time), deleted when shown or two hours later, and with
-- the account at its erasure.
CREATE TABLE web_draft (
    token_hash  BINARY(32)   NOT NULL,
    owner       VARCHAR(30)  NOT NULL COLLATE utf8mb4_bin,
    path        VARCHAR(500) NOT NULL,
    -- the form's fields, application/x-www-form-urlencoded (name=value&…), in their order
    fields      MEDIUMTEXT   NOT NULL,
    message_key VARCHAR(100) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_web_draft_created (created_at),
    KEY ix_web_draft_owner (owner)
) ENGINE = InnoDB;
