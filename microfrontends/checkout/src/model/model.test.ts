import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckoutForm } from './checkout-form.js';
import { formatPrice, stockLabel } from './price.js';

test('prices and stock read as the spec writes them', () => {
  assert.equal(formatPrice(5700), '5700 Ø');
  assert.equal(formatPrice(17600), '17600 Ø');
  assert.equal(stockLabel(8), '8 in stock, free shipping');
  assert.equal(stockLabel(0), 'out of stock');
});

test('the form is complete once both names and a store are there', () => {
  const form = new CheckoutForm('key-00000001');
  let changes = 0;
  form.addEventListener('change', () => changes++);
  assert.equal(form.complete, false);
  form.enter('firstName', 'Ada');
  form.enter('lastName', 'Lovelace');
  assert.equal(form.complete, false, 'no store yet');
  form.chooseStore('store-c');
  assert.deepEqual(form.order, {
    firstName: 'Ada',
    lastName: 'Lovelace',
    storeId: 'store-c',
    idempotencyKey: 'key-00000001',
  });
  assert.equal(changes, 3);
});

test('problems use the contract’s words, and only for fields already touched', () => {
  const form = new CheckoutForm();
  assert.equal(form.problem('firstName'), undefined);
  form.enter('firstName', '   ');
  assert.equal(form.problem('firstName'), 'is required');
  form.enter('lastName', '<b>bold</b>');
  assert.equal(form.problem('lastName'), 'must not contain < or >');
  form.enter('lastName', 'x'.repeat(61));
  assert.equal(form.problem('lastName'), 'must be at most 60 characters');
  form.enter('firstName', '  Ada ');
  assert.equal(form.problem('firstName'), undefined);
});

test('each form has its own idempotency key; one form keeps its key', () => {
  const a = new CheckoutForm();
  const b = new CheckoutForm();
  assert.notEqual(a.idempotencyKey, b.idempotencyKey);
  assert.match(a.idempotencyKey, /^[A-Za-z0-9-]{8,64}$/);
});
