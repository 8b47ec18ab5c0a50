// A few hand-written products for Decide's mock: enough for every state of the product page, and for the
// products Explore's mock recommends.
import type { Product, Variant } from '@tractor/shared/contracts/decide';

const variant = (sku: string, name: string, colour: string, price: number): Variant => ({
  sku,
  name,
  colour,
  price,
  image: `/cdn/img/product/${sku}.svg`,
});

export const products: Product[] = [
  {
    id: 'CL-01',
    name: 'Heritage Workhorse',
    category: 'classic',
    highlights: [
      'Robust and reliable, built for the long haul.',
      'Simple mechanics anyone can maintain.',
      'A timeless design that stays useful for decades.',
    ],
    variants: [
      variant('CL-01-GR', 'Verdant Field', '#6b8e23', 5700),
      variant('CL-01-GY', 'Stormy Sky', '#708090', 6200),
    ],
  },
  {
    id: 'CL-08',
    name: 'Holland Hamster',
    category: 'classic',
    highlights: ['Small and nimble.', 'Frugal with fuel.'],
    variants: [variant('CL-08-GR', 'Polder Green', '#7fa36b', 7750)],
  },
  {
    id: 'AU-01',
    name: 'TerraFirma AutoCultivator T-300',
    category: 'autonomous',
    highlights: ['Maps the field by GPS.', 'Hybrid engine.', 'Finds its own way around obstacles.'],
    variants: [variant('AU-01-SI', 'Silver', '#c0c0c0', 1000)],
  },
  {
    id: 'AU-02',
    name: 'SmartFarm Titan',
    category: 'autonomous',
    highlights: ['Autopilot.', 'Solar assisted.', 'Analyses the field as it drives.'],
    variants: [
      variant('AU-02-OG', 'Sunset Copper', '#dd5219', 4100),
      variant('AU-02-BL', 'Cosmic Sapphire', '#2a52be', 4000),
      variant('AU-02-GG', 'Verdant Shadow', '#005a04', 4000),
    ],
  },
];
