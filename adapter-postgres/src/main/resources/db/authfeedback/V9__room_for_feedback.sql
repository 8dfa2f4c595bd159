-- An event is written once and then, often, given feedback: an UPDATE of columns no index holds.
-- With room left on the event's page, PostgreSQL updates it there (a heap-only tuple) and touches
-- no index; on a full page it writes the new version elsewhere and adds an entry to each of the
-- table's indexes, each a page that, once the tables outgrow memory, is read in and logged whole
-- after every checkpoint. Pages filled from now on keep 15 % free for that: an event also grows
-- by its feedback (some 25 bytes), and a page of events that all get feedback still holds them.
ALTER TABLE auth_events SET (fillfactor = 85);
