-- Inspire's own schema: every variant with its colour, the input of colour recommendations.
CREATE TABLE variant (
  sku        text PRIMARY KEY,
  product_id text NOT NULL,
  name       text NOT NULL,
  red        smallint NOT NULL CHECK (red BETWEEN 0 AND 255),
  green      smallint NOT NULL CHECK (green BETWEEN 0 AND 255),
  blue       smallint NOT NULL CHECK (blue BETWEEN 0 AND 255),
  position   integer NOT NULL UNIQUE
);
