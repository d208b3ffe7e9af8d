-- Schema 2 (issue 8): the columns issue 6 left out, whose values it kept
-- inside other columns meanwhile. No "schema.min_writer" is set: by default
-- only a client of this schema or newer writes the file (a later migration
-- that older clients could still write safely records the lower minimum).

ALTER TABLE fitout_inspections ADD COLUMN inspector TEXT NOT NULL DEFAULT '';
ALTER TABLE evictions ADD COLUMN handover_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN resolved_on TEXT;
ALTER TABLE negotiations ADD COLUMN next_date TEXT;
ALTER TABLE negotiations ADD COLUMN offer_rent_fen INTEGER;
