-- A release is its browser modules and its server renderer under one build id: each deployment also names
-- the build's server bundle ({url, integrity}), so a deploy, a rollback — any switch — moves both at once.
-- NULL: a build without a server renderer (or one deployed before this column), rendered in the browser.
ALTER TABLE deployment ADD COLUMN server jsonb;
