-- Mail, second part (issue #13, docs/adr/0021).
--
-- 1. Registration without enumeration (#10): a new account's address is not the account's until a
-- link sent to it is followed. Until then it waits in pending_email, which is not unique, and email
-- stays NULL (a UNIQUE column allows many NULLs). So registering with an address another account
-- has creates the same kind of account as with a free one; only the mail differs (a link to a free
-- address, a warning to the owner of a taken one), and only its reader can tell. A change of
-- address waits in the same column until its link is followed.
ALTER TABLE account
    MODIFY email VARCHAR(254) NULL,
    ADD COLUMN pending_email VARCHAR(254) NULL AFTER email;

-- Accounts made since V0014 and never verified: their address was never proven, so it becomes
-- pending like a new registration's (their link still works: it names the address it proves).
UPDATE account SET pending_email = email, email = NULL WHERE email_verified_at IS NULL;

-- 2. Notification mails. Each member chooses per category how they are told by mail: IMMEDIATE,
-- DIGEST (one daily mail) or NEVER. No row: the default (immediate for replies to one's posts and
-- contact messages, digest for the rest), decided in fr.mare.notification.MailCategory.
CREATE TABLE notification_mail_choice (
    account_id BIGINT      NOT NULL,
    category   VARCHAR(20) NOT NULL COLLATE ascii_bin,
    mode       VARCHAR(10) NOT NULL COLLATE ascii_bin,
    PRIMARY KEY (account_id, category),
    CONSTRAINT fk_notification_mail_choice_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT ck_notification_mail_choice_category
        CHECK (category IN ('REPLY', 'MENTION', 'SOLUTION', 'CONTACT', 'MODERATION', 'INVITATION')),
    CONSTRAINT ck_notification_mail_choice_mode CHECK (mode IN ('IMMEDIATE', 'DIGEST', 'NEVER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- The daily digest of each member: pending_since is set when a notification of a DIGEST category
-- is written, and cleared by the one node that claims the digest (a single conditional UPDATE,
-- as the mail worker claims outbox rows), in the transaction that writes the digest to the outbox.
CREATE TABLE notification_digest (
    account_id    BIGINT      NOT NULL,
    pending_since DATETIME(6) NULL,
    last_sent_at  DATETIME(6) NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_notification_digest_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    KEY ix_notification_digest_pending (pending_since)
) ENGINE = InnoDB;

-- The key of the unsubscribe links (an HMAC of account and category): drawn once per
-- installation, here, never configured nor logged, like rate_limit_key.
CREATE TABLE notification_mail_key (
    id     TINYINT    NOT NULL,
    secret BINARY(32) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_notification_mail_key_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO notification_mail_key (id, secret) VALUES (1, RANDOM_BYTES(32));

-- When a notification went out by mail (at once, or in a digest): a digest takes the unread
-- notifications of its categories not mailed yet, and marks them, under the rows' locks.
ALTER TABLE notification ADD COLUMN mailed_at DATETIME(6) NULL;
