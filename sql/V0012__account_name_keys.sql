-- Look-alike keys of the names people read (security issue #10, fr.mare.account.DisplayNames):
-- a display name must not pass for another account's display name or username. Filled by Mare
-- itself for the accounts that existed before (NameKeysBackfill, at start), hence NULL allowed.
-- Not UNIQUE: a key is compared across both columns, which an index cannot enforce; the
-- service checks under the account row's lock.
ALTER TABLE account
    ADD COLUMN username_key VARCHAR(255) NULL,
    ADD COLUMN display_name_key VARCHAR(255) NULL,
    ADD KEY ix_account_username_key (username_key),
    ADD KEY ix_account_display_name_key (display_name_key);
