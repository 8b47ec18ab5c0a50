-- Decide's own schema: what a shopper needs to decide on a tractor.
CREATE TABLE product (
  id       text PRIMARY KEY,
  name     text NOT NULL,
  category text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE highlight (
  product_id text NOT NULL REFERENCES product (id),
  position   integer NOT NULL,
  text       text NOT NULL,
  PRIMARY KEY (product_id, position)
);

CREATE TABLE variant (
  sku        text PRIMARY KEY,
  product_id text NOT NULL REFERENCES product (id),
  name       text NOT NULL,
  colour     text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
  price      integer NOT NULL CHECK (price >= 0),
  position   integer NOT NULL
);
CREATE INDEX variant_product_idx ON variant (product_id);
