-- How far each station's official holiday calendar reaches, as it says on every pull: the admin sees which
-- stations still lack next year's schedule.
ALTER TABLE stations ADD COLUMN calendar_through text;
