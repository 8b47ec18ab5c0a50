-- Every change of a team's import-map entries, as a chain per team: each row names the deployment it
-- replaced (previous). A team's live deployment is its newest row. UNIQUE (team, previous) makes the chain
-- linear: two changes made against the same live deployment cannot both be stored — the second is refused
-- (412), whichever replica of the service took it. Rows are never updated or deleted: this is the history.
CREATE TABLE deployment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team text NOT NULL CHECK (team ~ '^[a-z][a-z0-9-]{0,30}$'),
  previous bigint REFERENCES deployment (id),
  action text NOT NULL CHECK (action IN ('deploy', 'rollback')),
  -- For a rollback: the deployment whose build it brought back.
  restores bigint REFERENCES deployment (id),
  version text NOT NULL,
  build text NOT NULL,
  built_at timestamptz,
  deployed_at timestamptz NOT NULL DEFAULT now(),
  imports jsonb NOT NULL,
  integrity jsonb NOT NULL,
  CONSTRAINT one_successor UNIQUE NULLS NOT DISTINCT (team, previous),
  CHECK ((action = 'rollback') = (restores IS NOT NULL))
);

CREATE INDEX deployment_team_newest ON deployment (team, id DESC);
