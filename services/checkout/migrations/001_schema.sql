-- Checkout's own schema: what can be sold, how many are left, and the orders placed.
CREATE TABLE variant (
  sku        text PRIMARY KEY,
  product_id text NOT NULL,
  name       text NOT NULL,
  price      integer NOT NULL CHECK (price >= 0),
  -- Never below zero: the database refuses an oversell even if the code were wrong.
  stock      integer NOT NULL CHECK (stock >= 0)
);

CREATE TABLE customer_order (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  first_name      text NOT NULL,
  last_name       text NOT NULL,
  store_id        text NOT NULL,
  total           integer NOT NULL CHECK (total >= 0),
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_line (
  order_id   bigint NOT NULL REFERENCES customer_order (id),
  sku        text NOT NULL REFERENCES variant (sku),
  name       text NOT NULL,
  unit_price integer NOT NULL,
  quantity   integer NOT NULL CHECK (quantity > 0),
  line_total integer NOT NULL,
  PRIMARY KEY (order_id, sku)
);
