-- Account administration and « Vos données » (issue #13, docs/adr/0022).
--
-- erased_at: the member deleted their account. The row stays as a skeleton: its id keeps the
-- authorship of what they wrote (shown as « ancien membre »), and its name skeletons and
-- look-alike key keep their former name reserved, so that nobody registers it to pass for them.
-- Everything personal is overwritten in the same transaction (docs/security.md « Effacement »).
ALTER TABLE account
    ADD COLUMN erased_at DATETIME(6) NULL;

-- What happened to an account that is not a moderation action (those are in moderation_journal):
-- a role changed by an administrator, a reset link sent by one, the account erased by its owner.
-- Never any personal data: ids, roles, counts. Kept when the account is erased (it is the trace).
CREATE TABLE account_event (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    account_id BIGINT       NOT NULL,
    -- who did it: an administrator, or the member themself; NULL for the system
    actor_id   BIGINT       NULL,
    kind       VARCHAR(20)  NOT NULL COLLATE ascii_bin,
    -- e.g. « MEMBER → MODERATOR », « messages gardés », « 12 messages supprimés »
    detail     VARCHAR(200) NOT NULL DEFAULT '',
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_account_event_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_account_event_actor FOREIGN KEY (actor_id) REFERENCES account (id),
    CONSTRAINT ck_account_event_kind CHECK (kind IN ('ROLE_CHANGED', 'RESET_SENT', 'ERASED')),
    KEY ix_account_event_account (account_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
