// <explore-store-picker> in its four states, on Explore's msw mock (Explore's data module), rendered by Lit SSR.
// The stores are listed in its dialog (shown once the shopper opens it); the choice shows beside the button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exploreRoutes } from '@tractor/shared/contracts/explore';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { mountView, ORIGIN, serveMocks } from '@tractor/shared/testing/views';
import { exploreHandlers } from '@tractor/mocks/explore';
import { failRoute } from '@tractor/mocks/contract-handler';
import { StorePickerController } from '../controllers/store-picker-controller.js';
import './explore-store-picker.js';

const server = serveMocks(...exploreHandlers);
/** What Explore's API answers (its mock, on Explore's data): the stores to choose from. */
const stores = async () => (await new ExploreClient({ baseUrl: ORIGIN }).stores()).stores;
const PICKER = 'No store chosen yet. choose a store';
const DIALOG_HEAD = 'Stores close';

test('initial: no store chosen yet, a button to choose one, and a dialog that says it loads the stores', () => {
  const view = mountView('explore-store-picker', { url: '/checkout/checkout' });
  const shown = view.render();
  assert.equal(shown.text, `${PICKER} ${DIALOG_HEAD} Loading stores…`);
  assert.deepEqual(
    shown.buttons.map((b) => b.text),
    ['choose a store', 'close'],
  );
});

test('pending: while the stores load, the dialog says so', async () => {
  const view = mountView('explore-store-picker', { url: '/checkout/checkout' }).connect();
  assert.ok(view.loading, 'it loads');
  assert.equal(view.render().text, `${PICKER} ${DIALOG_HEAD} Loading stores…`);
  await view.settle();
});

test('complete: every store with its address and a select button; a choice shows beside the button', async () => {
  const expected = await stores();
  const view = mountView('explore-store-picker', { url: '/checkout/checkout' }).connect();
  await view.settle();
  const shown = view.render();
  const listed = expected.map((s) => `${s.name} ${s.street}, ${s.city} select`);
  assert.equal(shown.text, [PICKER, DIALOG_HEAD, ...listed].join(' '));
  assert.equal(shown.buttons.filter((b) => b.text === 'select').length, expected.length);

  const chosen = expected.at(-1)!;
  view.controller(StorePickerController).choose(chosen.id);
  const after = view.render();
  assert.ok(after.text.startsWith(`${chosen.name} ${chosen.street}, ${chosen.city} choose a store`));
  assert.ok(!after.text.includes('No store chosen yet.'));
});

test('error: the stores cannot be shown, and the shopper can try again', async () => {
  server.use(failRoute(exploreRoutes.stores));
  const view = mountView('explore-store-picker', { url: '/checkout/checkout' }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, `${PICKER} ${DIALOG_HEAD} The stores cannot be shown right now. try again`);
  assert.deepEqual(
    shown.buttons.map((b) => b.text),
    ['choose a store', 'close', 'try again'],
  );
});
