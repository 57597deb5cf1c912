-- The login throttle shared by every node (issue #17, docs/adr/0032; it was in each node's memory).
-- One row per throttled subject: a name typed at login, or a source address, each kept only as an
-- HMAC-SHA-256 under the installation's rate_limit_key (never the name or the address itself).
-- Forgotten an hour after the last failure.
CREATE TABLE login_failure (
    subject_hash    BINARY(32)  NOT NULL,
    failures        INT         NOT NULL,
    last_failure_at DATETIME(6) NOT NULL,
    PRIMARY KEY (subject_hash),
    KEY ix_login_failure_last (last_failure_at)
) ENGINE = InnoDB;

-- Nodes that start together on one database import the demo (or the corpus) one after the other
-- (issue #17: two imports at once deadlocked one node): each import's transaction first locks its
-- row here (SELECT … FOR UPDATE), released by its commit; the next one then finds the accounts.
CREATE TABLE import_lock (
    name VARCHAR(20) NOT NULL COLLATE ascii_bin,
    PRIMARY KEY (name)
) ENGINE = InnoDB;
INSERT INTO import_lock (name) VALUES ('demo'), ('corpus');
