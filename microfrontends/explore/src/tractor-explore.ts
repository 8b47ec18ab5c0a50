// Team Explore's module (@tractor/explore in the import map). Importing it defines Explore's fragments;
// its named exports are the single-spa lifecycles of Explore's pages.
import { html } from 'lit';
import { pageApplication } from '@tractor/shared/spa';
import './views/explore-header.js';
import './views/explore-footer.js';
import './views/explore-store-picker.js';
import './views/home-page.js';
import './views/category-page.js';
import './views/stores-page.js';

export const home = pageApplication(() => html`<explore-home-page></explore-home-page>`);
export const category = pageApplication(() => html`<explore-category-page></explore-category-page>`);
export const stores = pageApplication(() => html`<explore-stores-page></explore-stores-page>`);
