-- Notices (#5, #6): notifications that are not about a forum post — an invitation to a
-- collective, a contact message, a moderation decision. Any feature fires a
-- fr.mare.notification.Notice; it is stored here with its sentence's bundle key, up to two
-- texts for that sentence (subject, detail) and the local path it links to.
-- Forum notifications keep topic_id and post_id; notices have neither. A notice may have no
-- actor (an automatic decision): the CHECK (actor_id <> recipient_id) lets NULL through.
ALTER TABLE notification
    MODIFY topic_id BIGINT NULL,
    MODIFY post_id  BIGINT NULL,
    MODIFY actor_id BIGINT NULL,
    ADD COLUMN text_key VARCHAR(100) NULL COLLATE ascii_bin AFTER read_at,
    ADD COLUMN subject  VARCHAR(300) NULL AFTER text_key,
    ADD COLUMN detail   VARCHAR(500) NULL AFTER subject,
    ADD COLUMN link     VARCHAR(500) NULL COLLATE utf8mb4_bin AFTER detail;

ALTER TABLE notification DROP CONSTRAINT ck_notification_kind;

ALTER TABLE notification
    ADD CONSTRAINT ck_notification_kind
        CHECK (kind IN ('TOPIC_REPLY', 'POST_REPLY', 'WATCHED_REPLY', 'MENTION', 'SOLUTION', 'LIKE', 'NOTICE')),
    -- A forum notification names its post; a notice names its sentence and where it leads.
    ADD CONSTRAINT ck_notification_shape
        CHECK ((kind = 'NOTICE' AND text_key IS NOT NULL AND link IS NOT NULL AND topic_id IS NULL AND post_id IS NULL)
            OR (kind <> 'NOTICE' AND topic_id IS NOT NULL AND post_id IS NOT NULL AND actor_id IS NOT NULL));
