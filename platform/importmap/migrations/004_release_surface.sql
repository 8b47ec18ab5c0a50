-- What each deployed build provides to the other teams and uses of them (its manifest's surface): the gate
-- checks a deploy or a rollback against the live builds' surfaces. NULL: a build that did not say; it passes.
ALTER TABLE deployment ADD COLUMN surface jsonb;
