// Team Checkout's module (@tractor/checkout in the import map). Importing it defines Checkout's fragments,
// which other teams' pages show (mini cart, add to cart, compact header). The pages are lazy chunks, loaded the
// first time single-spa mounts them, so every other page pays only for the fragments.
import { html } from 'lit';
import { pageApplication } from '@tractor/shared/spa';
import './views/mini-cart.js';
import './views/add-to-cart.js';
import './views/compact-header.js';

export const cart = pageApplication(
  () => html`<checkout-cart-page></checkout-cart-page>`,
  () => import(/* webpackChunkName: "cart-page" */ './views/cart-page.js'),
);
export const checkout = pageApplication(
  () => html`<checkout-checkout-page></checkout-checkout-page>`,
  () => import(/* webpackChunkName: "checkout-page" */ './views/checkout-page.js'),
);
export const thanks = pageApplication(
  () => html`<checkout-thanks-page></checkout-thanks-page>`,
  () => import(/* webpackChunkName: "thanks-page" */ './views/thanks-page.js'),
);
