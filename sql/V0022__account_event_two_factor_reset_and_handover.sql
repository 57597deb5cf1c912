-- Two more things that happen to an account, journalled in account_event (docs/adr/0025):
-- TWO_FACTOR_RESET: an administrator removed the member's second factor (lost phone and backup
--   codes); the member enrols again at their next login.
-- COLLECTIVE_ADMIN: the site's administration made the member an admin of a collective (one left
--   without an admin, typically after its only admin erased their account).
ALTER TABLE account_event DROP CONSTRAINT ck_account_event_kind;
ALTER TABLE account_event ADD CONSTRAINT ck_account_event_kind
    CHECK (kind IN ('ROLE_CHANGED', 'RESET_SENT', 'ERASED', 'TWO_FACTOR_RESET', 'COLLECTIVE_ADMIN'));
