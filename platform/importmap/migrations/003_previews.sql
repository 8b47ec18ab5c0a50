-- Candidate builds offered for preview: published and checked like a deploy, never live. A signed cookie
-- names (team, build); the pages of that browser use this row for the team instead of its live deployment.
CREATE TABLE preview (
  team text NOT NULL CHECK (team ~ '^[a-z][a-z0-9-]{0,30}$'),
  build text NOT NULL,
  version text NOT NULL,
  built_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  imports jsonb NOT NULL,
  integrity jsonb NOT NULL,
  server jsonb,
  PRIMARY KEY (team, build)
);
