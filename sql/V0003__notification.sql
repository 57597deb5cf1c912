-- In-app notifications (#3): a reply to your question or your message, a new reply in a topic
-- you follow, a mention, your reply chosen as the solution, « merci » for your message.
-- Written after the forum's transaction commits (notification.NotificationService observes
-- fr.mare.forum.ForumEvent), one row per recipient; never deleted, read_at set when read.
--
-- « Merci » is grouped: at most one UNREAD like notification per recipient and post. A new like
-- increments actor_count and becomes actor_id (the latest liker); once read, the next like starts
-- a new row. The generated like_group column carries post_id only for unread like rows, and the
-- unique key on it makes « insert or add one » a single atomic statement.
CREATE TABLE notification (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    recipient_id  BIGINT      NOT NULL,
    kind          VARCHAR(20) NOT NULL COLLATE ascii_bin,
    topic_id      BIGINT      NOT NULL,
    post_id       BIGINT      NOT NULL,
    actor_id      BIGINT      NOT NULL,
    actor_count   INT         NOT NULL DEFAULT 1,
    created_at    DATETIME(6) NOT NULL,
    last_event_at DATETIME(6) NOT NULL,
    read_at       DATETIME(6) NULL,
    like_group    BIGINT AS (CASE WHEN kind = 'LIKE' AND read_at IS NULL THEN post_id END) PERSISTENT,
    PRIMARY KEY (id),
    CONSTRAINT fk_notification_recipient FOREIGN KEY (recipient_id) REFERENCES account (id),
    CONSTRAINT fk_notification_actor FOREIGN KEY (actor_id) REFERENCES account (id),
    CONSTRAINT fk_notification_topic FOREIGN KEY (topic_id) REFERENCES forum_topic (id),
    CONSTRAINT fk_notification_post FOREIGN KEY (post_id) REFERENCES forum_post (id),
    CONSTRAINT ck_notification_kind CHECK (kind IN ('TOPIC_REPLY', 'POST_REPLY', 'WATCHED_REPLY', 'MENTION', 'SOLUTION', 'LIKE')),
    CONSTRAINT ck_notification_actor_count CHECK (actor_count >= 1),
    CONSTRAINT ck_notification_not_self CHECK (actor_id <> recipient_id),
    CONSTRAINT uq_notification_unread_like UNIQUE (recipient_id, like_group),
    -- The header's unread count: one range of (recipient, read_at IS NULL).
    KEY ix_notification_unread (recipient_id, read_at, created_at),
    -- The notifications page, newest first, keyset-paged.
    KEY ix_notification_recent (recipient_id, last_event_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
