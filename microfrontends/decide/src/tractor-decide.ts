// Team Decide's module (@tractor/decide in the import map): the product page's single-spa lifecycles.
import { html } from 'lit';
import { pageApplication } from '@tractor/shared/spa';
import './views/product-page.js';

export const product = pageApplication(() => html`<decide-product-page></decide-product-page>`);
