-- #16: moderation state is one embeddable (platform.ModerationState) on every moderated table:
-- hidden_at, hidden_by, hidden_reason. contact_message has had hidden_by since V0009; the others
-- now record who hid the content too (NULL for rows hidden before, or by the system).
ALTER TABLE account ADD COLUMN hidden_by BIGINT NULL AFTER hidden_at,
    ADD CONSTRAINT fk_account_hidden_by FOREIGN KEY (hidden_by) REFERENCES account (id);
ALTER TABLE forum_topic ADD COLUMN hidden_by BIGINT NULL AFTER hidden_at,
    ADD CONSTRAINT fk_forum_topic_hidden_by FOREIGN KEY (hidden_by) REFERENCES account (id);
ALTER TABLE forum_post ADD COLUMN hidden_by BIGINT NULL AFTER hidden_at,
    ADD CONSTRAINT fk_forum_post_hidden_by FOREIGN KEY (hidden_by) REFERENCES account (id);
ALTER TABLE wiki_page ADD COLUMN hidden_by BIGINT NULL AFTER hidden_at,
    ADD CONSTRAINT fk_wiki_page_hidden_by FOREIGN KEY (hidden_by) REFERENCES account (id);
ALTER TABLE collective ADD COLUMN hidden_by BIGINT NULL AFTER hidden_at,
    ADD CONSTRAINT fk_collective_hidden_by FOREIGN KEY (hidden_by) REFERENCES account (id);
