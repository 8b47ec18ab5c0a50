// A small, hand-written catalog for Explore's mock: enough to show every page and state, not the shop's
// real data (that lives in the service's seed). Images point at the root config's /cdn/img/.
import type { Category, ProductTile, Store, Teaser } from '@tractor/shared/contracts/explore';

export const categories: Category[] = [
  { key: 'classic', name: 'Classics' },
  { key: 'autonomous', name: 'Autonomous' },
];

const product = (id: string, name: string, sku: string, startPrice: number, key: Category['key']) => ({
  key,
  tile: { id, name, url: `/product/${id}`, image: `/cdn/img/product/${sku}.svg`, startPrice } as ProductTile,
});

export const products = [
  product('CL-01', 'Heritage Workhorse', 'CL-01-GR', 5700, 'classic'),
  product('CL-08', 'Holland Hamster', 'CL-08-GR', 7750, 'classic'),
  product('CL-04', 'Broadfield Majestic', 'CL-04-BL', 2200, 'classic'),
  product('AU-04', 'Sapphire Sunworker 460R', 'AU-04-RD', 8500, 'autonomous'),
  product('AU-01', 'TerraFirma AutoCultivator T-300', 'AU-01-SI', 1000, 'autonomous'),
];

export const teasers: Teaser[] = [
  { title: 'Classic Tractors', url: '/products/classic', image: '/cdn/img/scene/classics.svg' },
  { title: 'Autonomous Tractors', url: '/products/autonomous', image: '/cdn/img/scene/autonomous.svg' },
];

export const stores: Store[] = [
  { id: 'store-a', name: 'Aurora Flagship Store', street: 'Astronaut Way 1', city: 'Arlington' },
  { id: 'store-b', name: 'Big Micro Machines', street: 'Broadway 2', city: 'Burlington' },
  { id: 'store-c', name: 'Central Mall', street: 'Clown Street 3', city: 'Cryo' },
  { id: 'store-d', name: 'Downtown Model Store', street: 'Duck Street 4', city: 'Davenport' },
].map((s) => ({ ...s, image: `/cdn/img/store/${s.id}.svg` }));
