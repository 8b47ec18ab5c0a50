import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StorePicker } from './store-picker.js';

const store = (id: string, name: string) => ({ id, name, street: 'Street 1', city: 'City', image: '' });
const stores = [store('store-a', 'Aurora'), store('store-c', 'Central Mall')];

test('choosing a listed store remembers it and tells listeners once', () => {
  const picker = new StorePicker();
  picker.showStores(stores);
  let changes = 0;
  picker.addEventListener('change', () => changes++);

  assert.equal(picker.choose('store-c').name, 'Central Mall');
  assert.equal(picker.chosen?.id, 'store-c');
  assert.equal(changes, 1);
});

test('choosing a store that is not listed is an error and changes nothing', () => {
  const picker = new StorePicker();
  picker.showStores(stores);
  picker.choose('store-a');
  assert.throws(() => picker.choose('store-z'), /no store store-z/);
  assert.equal(picker.chosen?.id, 'store-a');
});

test('a chosen store that disappears from the list is forgotten', () => {
  const picker = new StorePicker();
  picker.showStores(stores);
  picker.choose('store-c');
  picker.showStores([stores[0]!]);
  assert.equal(picker.chosen, undefined);
});
