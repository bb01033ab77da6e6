-- Due dates counted over a year with no official holiday schedule yet are provisional (预计) and move when the
-- township publishes that year's calendar. Cases from before this migration were counted on official years only.
-- The matter's time limit at intake in working days (0: 即办), so a due date can be counted again; NULL before.
ALTER TABLE cases ADD COLUMN time_limit_days INTEGER CHECK (time_limit_days IS NULL OR time_limit_days >= 0);
ALTER TABLE cases ADD COLUMN due_provisional INTEGER NOT NULL DEFAULT 0 CHECK (due_provisional IN (0, 1));
-- The due date before an official calendar last moved it, for the clerk's list of what moved.
ALTER TABLE cases ADD COLUMN due_moved_from TEXT;

CREATE INDEX cases_due_provisional ON cases (id) WHERE due_provisional = 1;
CREATE INDEX cases_due_moved ON cases (id) WHERE due_moved_from IS NOT NULL;
