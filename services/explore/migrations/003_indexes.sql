-- Products' variants are read by product (the catalogue's tiles and pictures).
CREATE INDEX IF NOT EXISTS variant_product_idx ON variant (product_id);
