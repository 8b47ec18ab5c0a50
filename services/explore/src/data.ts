// Explore's data: the source of its seed (migrations/002_seed.sql; the seed test fails when they differ) and of
// its mock, so mock mode shows the whole catalogue as the store does. Written from the Tractor Store 2.0 reference
// facts (MIT, neuland). One array per table, one object per row.
import type { Category, CategoryKey, ProductTile, Store, Teaser } from '@tractor/shared/contracts/explore';
import { pictureUrl } from '@tractor/shared/pictures';

export interface CategoryRow {
  readonly key: CategoryKey;
  readonly name: string;
  readonly position: number;
}

export const categories: readonly CategoryRow[] = [
  { key: 'classic', name: 'Classics', position: 1 },
  { key: 'autonomous', name: 'Autonomous', position: 2 },
];

export interface ProductRow {
  readonly id: string;
  readonly name: string;
  readonly categoryKey: CategoryKey;
  readonly startPrice: number;
  /** The variant whose picture the tile shows. */
  readonly imageSku: string;
  readonly position: number;
}

export const products: readonly ProductRow[] = [
  {
    id: 'CL-01',
    name: 'Heritage Workhorse',
    categoryKey: 'classic',
    startPrice: 5700,
    imageSku: 'CL-01-GR',
    position: 1,
  },
  {
    id: 'CL-02',
    name: 'Falcon Crest Farm',
    categoryKey: 'classic',
    startPrice: 2600,
    imageSku: 'CL-02-BL',
    position: 2,
  },
  {
    id: 'CL-03',
    name: 'Falcon Crest Work',
    categoryKey: 'classic',
    startPrice: 2300,
    imageSku: 'CL-03-GR',
    position: 3,
  },
  {
    id: 'CL-04',
    name: 'Broadfield Majestic',
    categoryKey: 'classic',
    startPrice: 2200,
    imageSku: 'CL-04-BL',
    position: 4,
  },
  {
    id: 'CL-05',
    name: 'Countryside Commander',
    categoryKey: 'classic',
    startPrice: 2700,
    imageSku: 'CL-05-PT',
    position: 5,
  },
  {
    id: 'CL-06',
    name: 'Danamark Steadfast',
    categoryKey: 'classic',
    startPrice: 2800,
    imageSku: 'CL-06-MT',
    position: 6,
  },
  {
    id: 'CL-07',
    name: 'Greenland Rover',
    categoryKey: 'classic',
    startPrice: 2900,
    imageSku: 'CL-07-GR',
    position: 7,
  },
  {
    id: 'CL-08',
    name: 'Holland Hamster',
    categoryKey: 'classic',
    startPrice: 7750,
    imageSku: 'CL-08-GR',
    position: 8,
  },
  {
    id: 'CL-09',
    name: 'TerraFirma Veneto',
    categoryKey: 'classic',
    startPrice: 2950,
    imageSku: 'CL-09-BL',
    position: 9,
  },
  {
    id: 'CL-10',
    name: 'Global Gallant',
    categoryKey: 'classic',
    startPrice: 2600,
    imageSku: 'CL-10-SD',
    position: 10,
  },
  {
    id: 'CL-11',
    name: 'Scandinavia Sower',
    categoryKey: 'classic',
    startPrice: 3100,
    imageSku: 'CL-11-SK',
    position: 11,
  },
  {
    id: 'CL-12',
    name: 'Celerity Cruiser',
    categoryKey: 'classic',
    startPrice: 3200,
    imageSku: 'CL-12-BL',
    position: 12,
  },
  {
    id: 'CL-13',
    name: 'Rapid Racer',
    categoryKey: 'classic',
    startPrice: 7500,
    imageSku: 'CL-13-BL',
    position: 13,
  },
  {
    id: 'CL-14',
    name: 'Caribbean Cruiser',
    categoryKey: 'classic',
    startPrice: 2300,
    imageSku: 'CL-14-GR',
    position: 14,
  },
  {
    id: 'CL-15',
    name: 'Fieldmaster Classic',
    categoryKey: 'classic',
    startPrice: 6200,
    imageSku: 'CL-15-PI',
    position: 15,
  },
  {
    id: 'AU-01',
    name: 'TerraFirma AutoCultivator T-300',
    categoryKey: 'autonomous',
    startPrice: 1000,
    imageSku: 'AU-01-SI',
    position: 16,
  },
  {
    id: 'AU-02',
    name: 'SmartFarm Titan',
    categoryKey: 'autonomous',
    startPrice: 4000,
    imageSku: 'AU-02-OG',
    position: 17,
  },
  {
    id: 'AU-03',
    name: 'FutureHarvest Navigator',
    categoryKey: 'autonomous',
    startPrice: 1600,
    imageSku: 'AU-03-TQ',
    position: 18,
  },
  {
    id: 'AU-04',
    name: 'Sapphire Sunworker 460R',
    categoryKey: 'autonomous',
    startPrice: 8500,
    imageSku: 'AU-04-RD',
    position: 19,
  },
  {
    id: 'AU-05',
    name: 'EcoGrow Crop Commander',
    categoryKey: 'autonomous',
    startPrice: 3400,
    imageSku: 'AU-05-ZH',
    position: 20,
  },
  {
    id: 'AU-06',
    name: 'FarmFleet Sovereign',
    categoryKey: 'autonomous',
    startPrice: 2100,
    imageSku: 'AU-06-CZ',
    position: 21,
  },
  {
    id: 'AU-07',
    name: 'Verde Voyager',
    categoryKey: 'autonomous',
    startPrice: 4000,
    imageSku: 'AU-07-MT',
    position: 22,
  },
  {
    id: 'AU-08',
    name: 'Field Pioneer',
    categoryKey: 'autonomous',
    startPrice: 4500,
    imageSku: 'AU-08-WH',
    position: 23,
  },
];

export interface StoreRow {
  readonly id: string;
  readonly name: string;
  readonly street: string;
  readonly city: string;
  readonly position: number;
}

export const stores: readonly StoreRow[] = [
  { id: 'store-a', name: 'Aurora Flagship Store', street: 'Astronaut Way 1', city: 'Arlington', position: 1 },
  { id: 'store-b', name: 'Big Micro Machines', street: 'Broadway 2', city: 'Burlington', position: 2 },
  { id: 'store-c', name: 'Central Mall', street: 'Clown Street 3', city: 'Cryo', position: 3 },
  { id: 'store-d', name: 'Downtown Model Store', street: 'Duck Street 4', city: 'Davenport', position: 4 },
];

export interface TeaserRow {
  readonly position: number;
  readonly title: string;
  readonly url: string;
  /** The scene picture's name: pictureUrl('scene', scene). */
  readonly scene: string;
}

export const teasers: readonly TeaserRow[] = [
  { position: 1, title: 'Classic Tractors', url: '/products/classic', scene: 'classics' },
  { position: 2, title: 'Autonomous Tractors', url: '/products/autonomous', scene: 'autonomous' },
];

// How a row is shown, by the service (from its SQL rows) and by the mock (from the arrays above) alike.
export const categoryOf = ({ key, name }: CategoryRow): Category => ({ key, name });

export const tileOf = (p: Pick<ProductRow, 'id' | 'name' | 'startPrice' | 'imageSku'>): ProductTile => ({
  id: p.id,
  name: p.name,
  url: `/product/${p.id}`,
  image: pictureUrl('product', p.imageSku),
  startPrice: p.startPrice,
});

export const storeOf = ({ id, name, street, city }: Omit<StoreRow, 'position'>): Store => ({
  id,
  name,
  street,
  city,
  image: pictureUrl('store', id),
});

export const teaserOf = ({ title, url, scene }: Omit<TeaserRow, 'position'>): Teaser => ({
  title,
  url,
  image: pictureUrl('scene', scene),
});
