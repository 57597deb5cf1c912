-- Moderation (#6): reports, the review queue, the journal, hiding, suspension, first-post approval.
--
-- Hidden content keeps its text: readers see « masqué par la modération : <raison> », its author
-- and moderation still see it. Each hideable row gets the same two columns.
ALTER TABLE forum_post
    ADD COLUMN hidden_at     DATETIME(6)  NULL,
    ADD COLUMN hidden_reason VARCHAR(500) NULL,
    -- A newcomer's first posts wait for approval: invisible to others until approved.
    ADD COLUMN pending       BOOLEAN      NOT NULL DEFAULT FALSE;

ALTER TABLE forum_topic
    ADD COLUMN hidden_at     DATETIME(6)  NULL,
    ADD COLUMN hidden_reason VARCHAR(500) NULL,
    -- Its question waits for approval: out of the lists, the page is for its author and moderation.
    ADD COLUMN pending       BOOLEAN      NOT NULL DEFAULT FALSE;

ALTER TABLE wiki_page
    ADD COLUMN hidden_at     DATETIME(6)  NULL,
    ADD COLUMN hidden_reason VARCHAR(500) NULL;

ALTER TABLE collective
    ADD COLUMN hidden_at     DATETIME(6)  NULL,
    ADD COLUMN hidden_reason VARCHAR(500) NULL;

-- Suspension: suspended_at set and (suspended_until NULL = indefinitely, or still in the future).
-- It ends by itself when suspended_until passes (compared at check time, nothing to run).
-- Hiding an account hides its public profile page (not its posts, each judged on its own).
-- posts_to_approve: how many more of this account's posts wait for approval before being
-- public (mare.moderation.first-posts at registration; each approval takes one off). Accounts that
-- existed before this migration, staff and demo accounts start at 0.
ALTER TABLE account
    ADD COLUMN posts_to_approve  INT          NOT NULL DEFAULT 0,
    ADD COLUMN suspended_at      DATETIME(6)  NULL,
    ADD COLUMN suspended_until   DATETIME(6)  NULL,
    ADD COLUMN suspension_reason VARCHAR(500) NULL,
    ADD COLUMN hidden_at         DATETIME(6)  NULL,
    ADD COLUMN hidden_reason     VARCHAR(500) NULL,
    ADD CONSTRAINT ck_account_posts_to_approve CHECK (posts_to_approve >= 0);

-- One review item per target while it is open (the generated open_target carries the target
-- only while OPEN, and its unique key makes « open or join the item » race-free). The version
-- column is the optimistic lock: two moderators acting on one item, the second is told.
CREATE TABLE moderation_item (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    target_type VARCHAR(20) NOT NULL COLLATE ascii_bin,
    target_id   BIGINT      NOT NULL,
    origin      VARCHAR(20) NOT NULL COLLATE ascii_bin,
    status      VARCHAR(10) NOT NULL COLLATE ascii_bin,
    opened_at   DATETIME(6) NOT NULL,
    closed_at   DATETIME(6) NULL,
    closed_by   BIGINT      NULL,
    outcome     VARCHAR(20) NULL COLLATE ascii_bin,
    version     BIGINT      NOT NULL DEFAULT 0,
    open_target VARCHAR(45) AS (CASE WHEN status = 'OPEN' THEN CONCAT(target_type, ':', target_id) END) PERSISTENT,
    PRIMARY KEY (id),
    CONSTRAINT uq_moderation_item_open UNIQUE (open_target),
    CONSTRAINT fk_moderation_item_closed_by FOREIGN KEY (closed_by) REFERENCES account (id),
    CONSTRAINT ck_moderation_item_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT ck_moderation_item_origin CHECK (origin IN ('REPORT', 'FIRST_POST')),
    KEY ix_moderation_item_queue (status, opened_at, id),
    KEY ix_moderation_item_target (target_type, target_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- A member's report. One open report per member and target (open_reporter is the reporter only
-- while the report is open); the rate limit counts a member's reports of the last hour on
-- ix_moderation_report_reporter.
CREATE TABLE moderation_report (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    item_id       BIGINT        NOT NULL,
    target_type   VARCHAR(20)   NOT NULL COLLATE ascii_bin,
    target_id     BIGINT        NOT NULL,
    reporter_id   BIGINT        NOT NULL,
    -- The target's author when the report was made: « earlier reports against this member ».
    target_author_id BIGINT     NULL,
    reason        VARCHAR(20)   NOT NULL COLLATE ascii_bin,
    comment       VARCHAR(1000) NOT NULL DEFAULT '',
    created_at    DATETIME(6)   NOT NULL,
    closed_at     DATETIME(6)   NULL,
    outcome       VARCHAR(20)   NULL COLLATE ascii_bin,
    open_reporter BIGINT AS (CASE WHEN closed_at IS NULL THEN reporter_id END) PERSISTENT,
    PRIMARY KEY (id),
    CONSTRAINT uq_moderation_report_open UNIQUE (target_type, target_id, open_reporter),
    CONSTRAINT fk_moderation_report_item FOREIGN KEY (item_id) REFERENCES moderation_item (id),
    CONSTRAINT fk_moderation_report_reporter FOREIGN KEY (reporter_id) REFERENCES account (id),
    CONSTRAINT fk_moderation_report_author FOREIGN KEY (target_author_id) REFERENCES account (id),
    CONSTRAINT ck_moderation_report_reason CHECK (reason IN ('SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'PERSONAL_DATA', 'ILLEGAL', 'OTHER')),
    KEY ix_moderation_report_reporter (reporter_id, created_at),
    KEY ix_moderation_report_item (item_id),
    KEY ix_moderation_report_author (target_author_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- The journal: every moderation action, append-only. moderator_id NULL is the system (automatic
-- hiding). before_text / after_text keep the text an edit replaced.
CREATE TABLE moderation_action (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    moderator_id     BIGINT        NULL,
    action           VARCHAR(20)   NOT NULL COLLATE ascii_bin,
    target_type      VARCHAR(20)   NOT NULL COLLATE ascii_bin,
    target_id        BIGINT        NOT NULL,
    target_label     VARCHAR(200)  NOT NULL DEFAULT '',
    target_author_id BIGINT        NULL,
    item_id          BIGINT        NULL,
    reason           VARCHAR(1000) NOT NULL,
    detail           VARCHAR(300)  NOT NULL DEFAULT '',
    before_text      MEDIUMTEXT    NULL,
    after_text       MEDIUMTEXT    NULL,
    created_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_moderation_action_moderator FOREIGN KEY (moderator_id) REFERENCES account (id),
    CONSTRAINT fk_moderation_action_author FOREIGN KEY (target_author_id) REFERENCES account (id),
    CONSTRAINT fk_moderation_action_item FOREIGN KEY (item_id) REFERENCES moderation_item (id),
    KEY ix_moderation_action_recent (created_at, id),
    KEY ix_moderation_action_action (action, created_at),
    KEY ix_moderation_action_moderator (moderator_id, created_at),
    KEY ix_moderation_action_target (target_type, target_id),
    KEY ix_moderation_action_author (target_author_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- The database refuses to rewrite history, whatever the application does.
CREATE TRIGGER moderation_action_no_update BEFORE UPDATE ON moderation_action FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'moderation_action is append-only';

CREATE TRIGGER moderation_action_no_delete BEFORE DELETE ON moderation_action FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'moderation_action is append-only';
