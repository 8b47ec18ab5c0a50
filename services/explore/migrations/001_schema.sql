-- Explore's own schema: what the shop shows while a shopper browses.
CREATE TABLE category (
  key      text PRIMARY KEY,
  name     text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE product (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  category_key text NOT NULL REFERENCES category (key),
  start_price  integer NOT NULL CHECK (start_price >= 0),
  image_sku    text NOT NULL,
  position     integer NOT NULL
);
CREATE INDEX product_category_idx ON product (category_key);

-- Recommendation inputs: every variant with its colour.
CREATE TABLE variant (
  sku        text PRIMARY KEY,
  product_id text NOT NULL REFERENCES product (id),
  name       text NOT NULL,
  red        smallint NOT NULL CHECK (red BETWEEN 0 AND 255),
  green      smallint NOT NULL CHECK (green BETWEEN 0 AND 255),
  blue       smallint NOT NULL CHECK (blue BETWEEN 0 AND 255),
  position   integer NOT NULL
);

CREATE TABLE store (
  id       text PRIMARY KEY,
  name     text NOT NULL,
  street   text NOT NULL,
  city     text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE teaser (
  position integer PRIMARY KEY,
  title    text NOT NULL,
  url      text NOT NULL,
  scene    text NOT NULL
);
