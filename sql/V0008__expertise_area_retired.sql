-- Admins edit the expertise vocabulary (/admin/domaines): they add, rename, reorder and retire
-- areas. Nothing is deleted: a retired area (retired_at set) stays on the profiles that declare
-- it, but is no longer offered to declare. Its slug never changes (TopicAreas maps forum
-- categories to area slugs).
ALTER TABLE expertise_area
    ADD COLUMN retired_at DATETIME(6) NULL;
