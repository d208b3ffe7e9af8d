-- Schema 3 (issue 8): schema 2's columns filled from where schema 2 clients
-- kept their values, where SQL can recover them; the rest stays as it was.
-- From schema 3 on the code reads and writes only the columns, so a schema 2
-- client (which still writes the old places) may not write the file: no
-- "schema.min_writer" is set, the minimum is this schema.
--
-- fitout_inspections.inspector: kept as "[name] notes" at the head of the
-- notes; the name moves to the column, the notes keep the rest (one space
-- after the bracket dropped).
UPDATE fitout_inspections
SET inspector = substr (notes, 2, instr (notes, ']') - 2),
    notes = CASE WHEN substr (notes, instr (notes, ']') + 1, 1) = ' '
                 THEN substr (notes, instr (notes, ']') + 2)
                 ELSE substr (notes, instr (notes, ']') + 1) END
WHERE inspector = '' AND substr (notes, 1, 1) = '[' AND instr (notes, ']') > 2;

-- evictions.handover_notes: kept as the summary of the eviction's latest
-- change_log row of action 'handover' (change_log itself is never changed).
UPDATE evictions
SET handover_notes = (SELECT l.summary FROM change_log l
                      WHERE l.entity = 'eviction' AND l.entity_id = evictions.id AND l.action = 'handover'
                      ORDER BY l.seq DESC LIMIT 1)
WHERE handover_notes = ''
  AND EXISTS (SELECT 1 FROM change_log l
              WHERE l.entity = 'eviction' AND l.entity_id = evictions.id AND l.action = 'handover');

-- complaints.resolved_on: kept as "resolved on YYYY-MM-DD", the summary of
-- the complaint's latest 'resolve' or 'reopen' row; only for rows resolved
-- now and only a real date (rows resolved elsewhere have no day).
UPDATE complaints
SET resolved_on = (SELECT CASE WHEN l.action = 'resolve'
                                AND date (substr (l.summary, 13, 10)) = substr (l.summary, 13, 10)
                               THEN substr (l.summary, 13, 10) END
                   FROM change_log l
                   WHERE l.entity = 'complaint' AND l.entity_id = complaints.id AND l.action IN ('resolve', 'reopen')
                   ORDER BY l.seq DESC LIMIT 1)
WHERE resolved = 1 AND resolved_on IS NULL;

-- negotiations.offer_rent_fen: the monthly rent (fen) of an offer kept in
-- terms_json's "offer" (as plaza_prospect_offer_monthly_rent works it out:
-- monthly_rent when given, else rent a month, a m² a month or a m² a day
-- times the units' area, rounded half up); none for a percentage offer.
-- The rent said in words in negotiations.offer is left alone.
UPDATE negotiations
SET offer_rent_fen = (
  SELECT CASE
           WHEN coalesce (json_extract (terms_json, '$.offer.monthly_rent'), 0) > 0
             THEN json_extract (terms_json, '$.offer.monthly_rent')
           WHEN json_extract (terms_json, '$.offer.model') = 'percentage' THEN NULL
           WHEN json_extract (terms_json, '$.offer.rent_unit') = 'month'
             THEN json_extract (terms_json, '$.offer.rent')
           WHEN json_extract (terms_json, '$.offer.rent_unit') = 'm2_month'
             THEN (json_extract (terms_json, '$.offer.rent') * a.area + 50) / 100
           ELSE (json_extract (terms_json, '$.offer.rent') * a.area * 365 + 600) / 1200
         END
  FROM (SELECT coalesce (sum (u.rentable_area), 0) AS area
        FROM json_each (negotiations.terms_json, '$.offer.units') j JOIN units u ON u.id = j.value) a)
WHERE offer_rent_fen IS NULL AND json_valid (terms_json)
  AND json_type (terms_json, '$.offer') = 'object';
UPDATE negotiations SET offer_rent_fen = NULL WHERE offer_rent_fen <= 0;

-- negotiations.next_date: kept as terms_json's "next_date"; moved out of the
-- JSON (which is dropped when nothing else is left in it).
UPDATE negotiations
SET next_date = json_extract (terms_json, '$.next_date')
WHERE next_date IS NULL AND json_valid (terms_json)
  AND json_type (terms_json, '$.next_date') = 'text'
  AND date (json_extract (terms_json, '$.next_date')) = json_extract (terms_json, '$.next_date');
UPDATE negotiations
SET terms_json = CASE WHEN json_remove (terms_json, '$.next_date') = '{}' THEN NULL
                      ELSE json_remove (terms_json, '$.next_date') END
WHERE next_date IS NOT NULL AND json_valid (terms_json) AND json_type (terms_json, '$.next_date') IS NOT NULL;
