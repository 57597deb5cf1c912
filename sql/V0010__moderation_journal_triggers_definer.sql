-- Security #10: until then the embedded MariaDB ran without grant tables, so V0007 created the
-- journal's triggers with an empty definer (``@``). With the grant tables now on, such a trigger
-- names an account that does not exist, and mariadb-dump writes DEFINER=`` which cannot be
-- restored (ERROR 1959). Recreated identically: the definer becomes the account that applies the
-- migrations. CREATE OR REPLACE swaps each trigger at once, the journal is never unguarded.
CREATE OR REPLACE TRIGGER moderation_action_no_update BEFORE UPDATE ON moderation_action FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'moderation_action is append-only';

CREATE OR REPLACE TRIGGER moderation_action_no_delete BEFORE DELETE ON moderation_action FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'moderation_action is append-only';
