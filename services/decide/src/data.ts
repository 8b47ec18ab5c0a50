// Decide's data: the source of its seed (migrations/002_seed.sql; the seed test fails when they differ) and of
// its mock, so mock mode shows every product as the store does. Written from the Tractor Store 2.0 reference
// facts (MIT, neuland). One array per table, one object per row.
import type { Product } from '@tractor/shared/contracts/decide';
import { pictureUrl } from '@tractor/shared/pictures';

export interface ProductRow {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly position: number;
}

export const products: readonly ProductRow[] = [
  { id: 'AU-01', name: 'TerraFirma AutoCultivator T-300', category: 'autonomous', position: 1 },
  { id: 'AU-02', name: 'SmartFarm Titan', category: 'autonomous', position: 2 },
  { id: 'AU-03', name: 'FutureHarvest Navigator', category: 'autonomous', position: 3 },
  { id: 'AU-04', name: 'Sapphire Sunworker 460R', category: 'autonomous', position: 4 },
  { id: 'AU-05', name: 'EcoGrow Crop Commander', category: 'autonomous', position: 5 },
  { id: 'AU-06', name: 'FarmFleet Sovereign', category: 'autonomous', position: 6 },
  { id: 'AU-07', name: 'Verde Voyager', category: 'autonomous', position: 7 },
  { id: 'AU-08', name: 'Field Pioneer', category: 'autonomous', position: 8 },
  { id: 'CL-01', name: 'Heritage Workhorse', category: 'classic', position: 9 },
  { id: 'CL-02', name: 'Falcon Crest Farm', category: 'classic', position: 10 },
  { id: 'CL-03', name: 'Falcon Crest Work', category: 'classic', position: 11 },
  { id: 'CL-04', name: 'Broadfield Majestic', category: 'classic', position: 12 },
  { id: 'CL-05', name: 'Countryside Commander', category: 'classic', position: 13 },
  { id: 'CL-06', name: 'Danamark Steadfast', category: 'classic', position: 14 },
  { id: 'CL-07', name: 'Greenland Rover', category: 'classic', position: 15 },
  { id: 'CL-08', name: 'Holland Hamster', category: 'classic', position: 16 },
  { id: 'CL-09', name: 'TerraFirma Veneto', category: 'classic', position: 17 },
  { id: 'CL-10', name: 'Global Gallant', category: 'classic', position: 18 },
  { id: 'CL-11', name: 'Scandinavia Sower', category: 'classic', position: 19 },
  { id: 'CL-12', name: 'Celerity Cruiser', category: 'classic', position: 20 },
  { id: 'CL-13', name: 'Rapid Racer', category: 'classic', position: 21 },
  { id: 'CL-14', name: 'Caribbean Cruiser', category: 'classic', position: 22 },
  { id: 'CL-15', name: 'Fieldmaster Classic', category: 'classic', position: 23 },
];

export interface HighlightRow {
  readonly productId: string;
  readonly position: number;
  readonly text: string;
}

export const highlights: readonly HighlightRow[] = [
  { productId: 'AU-01', position: 1, text: 'Precision GPS mapping optimizes field coverage.' },
  { productId: 'AU-01', position: 2, text: 'Hybrid engine ensures eco-friendly extended operation.' },
  {
    productId: 'AU-01',
    position: 3,
    text: 'Fully autonomous with smart obstacle detection and terrain adaptation.',
  },
  { productId: 'AU-02', position: 1, text: 'Advanced autopilot technology for precise farming operations.' },
  { productId: 'AU-02', position: 2, text: 'Eco-friendly solar-assisted power system for sustainable use.' },
  {
    productId: 'AU-02',
    position: 3,
    text: 'Intelligent AI for real-time field analysis and automated adjustments.',
  },
  { productId: 'AU-03', position: 1, text: 'Autonomous navigation with sub-inch accuracy' },
  { productId: 'AU-03', position: 2, text: 'Solar-enhanced hybrid powertrain for extended operation' },
  { productId: 'AU-03', position: 3, text: 'Real-time crop and soil health analytics' },
  {
    productId: 'AU-04',
    position: 1,
    text: 'Next-generation autonomous guidance system for seamless operation',
  },
  { productId: 'AU-04', position: 2, text: 'High-capacity energy storage for all-day work without recharge' },
  {
    productId: 'AU-04',
    position: 3,
    text: 'Advanced analytics suite for precision soil and plant health management',
  },
  { productId: 'AU-05', position: 1, text: 'Ultra-precise field navigation technology' },
  { productId: 'AU-05', position: 2, text: 'Dual-mode power system for maximum uptime' },
  { productId: 'AU-05', position: 3, text: 'On-the-go field data analysis for smart farming decisions' },
  { productId: 'AU-06', position: 1, text: 'Robust all-terrain adaptability for diverse farm landscapes' },
  { productId: 'AU-06', position: 2, text: 'High-efficiency energy matrix for longer field endurance' },
  { productId: 'AU-06', position: 3, text: 'Integrated crop management system with advanced diagnostics' },
  {
    productId: 'AU-07',
    position: 1,
    text: 'Adaptive drive system intelligently navigates through diverse field conditions',
  },
  { productId: 'AU-07', position: 2, text: 'Clean energy operation with advanced solar battery technology' },
  { productId: 'AU-07', position: 3, text: 'High-resolution field scanners for precise agronomy insights' },
  {
    productId: 'AU-08',
    position: 1,
    text: 'Automated field traversal with intelligent pathfinding algorithms',
  },
  {
    productId: 'AU-08',
    position: 2,
    text: 'Eco-friendly electric motors paired with high-capacity batteries',
  },
  { productId: 'AU-08', position: 3, text: 'Real-time environmental monitoring for optimal crop growth' },
  {
    productId: 'CL-01',
    position: 1,
    text: 'Proven reliability with a touch of modern reliability enhancements',
  },
  { productId: 'CL-01', position: 2, text: 'Robust construction equipped to withstand decades of labor' },
  { productId: 'CL-01', position: 3, text: 'User-friendly operation with traditional manual controls' },
  { productId: 'CL-02', position: 1, text: 'Rugged simplicity meets classic design' },
  { productId: 'CL-02', position: 2, text: 'Built-to-last machinery for reliable fieldwork' },
  { productId: 'CL-02', position: 3, text: 'Ease of control with straightforward mechanical systems' },
  { productId: 'CL-03', position: 1, text: 'Vintage engineering with a legacy of durability' },
  { productId: 'CL-03', position: 2, text: 'Powerful yet simple mechanics for easy operation and repair' },
  { productId: 'CL-03', position: 3, text: 'Classic aesthetics with a robust body, built to last' },
  { productId: 'CL-04', position: 1, text: 'Built with the robust heart of early industrial workhorses' },
  {
    productId: 'CL-04',
    position: 2,
    text: 'Simplified mechanics for unparalleled ease of use and maintenance',
  },
  {
    productId: 'CL-04',
    position: 3,
    text: 'A testament to early agricultural machinery with a dependable engine',
  },
  { productId: 'CL-05', position: 1, text: 'Reliable performance with time-tested engineering' },
  {
    productId: 'CL-05',
    position: 2,
    text: 'Rugged design for efficient operation across all types of terrain',
  },
  { productId: 'CL-05', position: 3, text: 'Classic operator comfort with modern ergonomic enhancements' },
  { productId: 'CL-06', position: 1, text: 'Engineered for the meticulous demands of Danish agriculture' },
  { productId: 'CL-06', position: 2, text: 'Sturdy chassis and reliable mechanics for longevity' },
  { productId: 'CL-06', position: 3, text: 'Utilitarian design with practical functionality and comfort' },
  { productId: 'CL-07', position: 1, text: 'Engineered to tackle the diverse European terrain with ease' },
  { productId: 'CL-07', position: 2, text: 'Sturdy and reliable mechanics known for their longevity' },
  { productId: 'CL-07', position: 3, text: 'Ergonomically designed for comfort during long working hours' },
  { productId: 'CL-08', position: 1, text: 'Dutch craftsmanship for precision and quality' },
  { productId: 'CL-08', position: 2, text: 'Optimized for tulip fields and versatile European landscapes' },
  {
    productId: 'CL-08',
    position: 3,
    text: 'Ergonomic design with a focus on operator comfort and efficiency',
  },
  {
    productId: 'CL-09',
    position: 1,
    text: 'Elegant Italian design with sleek lines and a vibrant aesthetic',
  },
  { productId: 'CL-09', position: 2, text: 'Precision mechanics for vineyard and orchard maneuverability' },
  { productId: 'CL-09', position: 3, text: 'Comfort-focused design with a flair for the dramatic' },
  { productId: 'CL-10', position: 1, text: 'Retro design with a nod to the golden era of farming' },
  { productId: 'CL-10', position: 2, text: 'Engine robustness that stands the test of time' },
  { productId: 'CL-10', position: 3, text: 'Functional simplicity for ease of operation in any region' },
  {
    productId: 'CL-11',
    position: 1,
    text: 'Authentic Swedish engineering for optimal cold-climate performance',
  },
  { productId: 'CL-11', position: 2, text: 'Sturdy build and mechanics for lifelong reliability' },
  {
    productId: 'CL-11',
    position: 3,
    text: 'Iconic design reflecting the simplicity and efficiency of Scandinavian style',
  },
  {
    productId: 'CL-12',
    position: 1,
    text: 'A speedster in the classic tractor segment, unparalleled in quick task completion',
  },
  { productId: 'CL-12', position: 2, text: 'Sleek design with aerodynamic contours for reduced drag' },
  { productId: 'CL-12', position: 3, text: 'Enhanced gearbox for smooth acceleration and nimble handling' },
  { productId: 'CL-13', position: 1, text: 'Streamlined design for faster field operations' },
  { productId: 'CL-13', position: 2, text: 'Optimized gear ratios for efficient power transmission' },
  { productId: 'CL-13', position: 3, text: 'Advanced air flow system for superior engine cooling' },
  { productId: 'CL-14', position: 1, text: 'Robust construction for enduring performance' },
  { productId: 'CL-14', position: 2, text: 'Time-tested design with a proven track record' },
  { productId: 'CL-14', position: 3, text: 'Easy-to-service mechanics for long-term reliability' },
  { productId: 'CL-15', position: 1, text: 'Timeless design with a focus on comfort and control' },
  { productId: 'CL-15', position: 2, text: 'Efficient fuel consumption with a powerful engine' },
  { productId: 'CL-15', position: 3, text: 'Versatile functionality for all types of agricultural work' },
];

export interface VariantRow {
  readonly sku: string;
  readonly productId: string;
  /** The colour's name, e.g. "Verdant Field". */
  readonly name: string;
  readonly colour: string;
  readonly price: number;
  readonly position: number;
}

export const variants: readonly VariantRow[] = [
  { sku: 'AU-01-SI', productId: 'AU-01', name: 'Silver', colour: '#c0c0c0', price: 1000, position: 1 },
  { sku: 'AU-02-OG', productId: 'AU-02', name: 'Sunset Copper', colour: '#dd5219', price: 4100, position: 1 },
  {
    sku: 'AU-02-BL',
    productId: 'AU-02',
    name: 'Cosmic Sapphire',
    colour: '#2a52be',
    price: 4000,
    position: 2,
  },
  {
    sku: 'AU-02-GG',
    productId: 'AU-02',
    name: 'Verdant Shadow',
    colour: '#005a04',
    price: 4000,
    position: 3,
  },
  {
    sku: 'AU-03-TQ',
    productId: 'AU-03',
    name: 'Turquoise Titan',
    colour: '#169fb8',
    price: 1600,
    position: 1,
  },
  {
    sku: 'AU-03-PL',
    productId: 'AU-03',
    name: 'Majestic Violet',
    colour: '#9b5fc0',
    price: 1700,
    position: 2,
  },
  {
    sku: 'AU-03-RD',
    productId: 'AU-03',
    name: 'Scarlet Dynamo',
    colour: '#ff2400',
    price: 1900,
    position: 3,
  },
  {
    sku: 'AU-03-YE',
    productId: 'AU-03',
    name: 'Sunbeam Yellow',
    colour: '#faad00',
    price: 1800,
    position: 4,
  },
  { sku: 'AU-04-RD', productId: 'AU-04', name: 'Ruby Red', colour: '#9b111e', price: 8700, position: 1 },
  { sku: 'AU-04-BK', productId: 'AU-04', name: 'Midnight Onyx', colour: '#353839', price: 8500, position: 2 },
  {
    sku: 'AU-05-ZH',
    productId: 'AU-05',
    name: 'Zestful Horizon',
    colour: '#ffa07a',
    price: 3400,
    position: 1,
  },
  { sku: 'AU-06-CZ', productId: 'AU-06', name: 'Canary Zenith', colour: '#ffd700', price: 2200, position: 1 },
  { sku: 'AU-06-MT', productId: 'AU-06', name: 'Minted Jade', colour: '#628882', price: 2100, position: 2 },
  { sku: 'AU-07-MT', productId: 'AU-07', name: 'Glacial Mint', colour: '#afdbd2', price: 4000, position: 1 },
  {
    sku: 'AU-07-YE',
    productId: 'AU-07',
    name: 'Sunbeam Yellow',
    colour: '#ffda03',
    price: 5000,
    position: 2,
  },
  { sku: 'AU-08-WH', productId: 'AU-08', name: 'Polar White', colour: '#e8e8e8', price: 4500, position: 1 },
  { sku: 'CL-01-GR', productId: 'CL-01', name: 'Verdant Field', colour: '#6b8e23', price: 5700, position: 1 },
  { sku: 'CL-01-GY', productId: 'CL-01', name: 'Stormy Sky', colour: '#708090', price: 6200, position: 2 },
  {
    sku: 'CL-02-BL',
    productId: 'CL-02',
    name: 'Cerulean Classic',
    colour: '#007ba7',
    price: 2600,
    position: 1,
  },
  { sku: 'CL-03-GR', productId: 'CL-03', name: 'Meadow Green', colour: '#7cfc00', price: 2300, position: 1 },
  { sku: 'CL-03-PI', productId: 'CL-03', name: 'Rustic Rose', colour: '#b50018', price: 2300, position: 2 },
  { sku: 'CL-03-YE', productId: 'CL-03', name: 'Harvest Gold', colour: '#da9100', price: 2300, position: 3 },
  { sku: 'CL-04-BL', productId: 'CL-04', name: 'Oceanic Blue', colour: '#0040a6', price: 2200, position: 1 },
  {
    sku: 'CL-04-RD',
    productId: 'CL-04',
    name: 'Rustic Crimson',
    colour: '#7b3f00',
    price: 2200,
    position: 2,
  },
  { sku: 'CL-04-TQ', productId: 'CL-04', name: 'Aqua Green', colour: '#00b298', price: 2200, position: 3 },
  { sku: 'CL-05-PT', productId: 'CL-05', name: 'Pacific Teal', colour: '#479da8', price: 2700, position: 1 },
  { sku: 'CL-05-RD', productId: 'CL-05', name: 'Barn Red', colour: '#7c0a02', price: 2700, position: 2 },
  {
    sku: 'CL-06-MT',
    productId: 'CL-06',
    name: 'Emerald Forest',
    colour: '#46f5bb',
    price: 2800,
    position: 1,
  },
  { sku: 'CL-06-YE', productId: 'CL-06', name: 'Golden Wheat', colour: '#faaf3f', price: 2800, position: 2 },
  { sku: 'CL-07-GR', productId: 'CL-07', name: 'Forest Fern', colour: '#2ea250', price: 2900, position: 1 },
  { sku: 'CL-07-YE', productId: 'CL-07', name: 'Autumn Amber', colour: '#ffbf00', price: 2900, position: 2 },
  { sku: 'CL-08-GR', productId: 'CL-08', name: 'Polder Green', colour: '#c2b280', price: 7750, position: 1 },
  { sku: 'CL-08-PI', productId: 'CL-08', name: 'Tulip Magenta', colour: '#d65282', price: 7900, position: 2 },
  { sku: 'CL-09-BL', productId: 'CL-09', name: 'Adriatic Blue', colour: '#2f6ea3', price: 2950, position: 1 },
  { sku: 'CL-09-GR', productId: 'CL-09', name: 'Tuscan Green', colour: '#518b2b', price: 2950, position: 2 },
  { sku: 'CL-10-SD', productId: 'CL-10', name: 'Sahara Dawn', colour: '#b8a875', price: 2600, position: 1 },
  {
    sku: 'CL-10-VI',
    productId: 'CL-10',
    name: 'Violet Vintage',
    colour: '#8a2be2',
    price: 2600,
    position: 2,
  },
  { sku: 'CL-11-SK', productId: 'CL-11', name: 'Baltic Blue', colour: '#95c1f4', price: 3100, position: 1 },
  { sku: 'CL-11-YE', productId: 'CL-11', name: 'Nordic Gold', colour: '#ffd700', price: 3100, position: 2 },
  { sku: 'CL-12-BL', productId: 'CL-12', name: 'Velocity Blue', colour: '#1e90ff', price: 3200, position: 1 },
  { sku: 'CL-12-RD', productId: 'CL-12', name: 'Rally Red', colour: '#ed2939', price: 3200, position: 2 },
  { sku: 'CL-13-BL', productId: 'CL-13', name: 'Speedway Blue', colour: '#2679a6', price: 7500, position: 1 },
  { sku: 'CL-13-RD', productId: 'CL-13', name: 'Raceway Red', colour: '#cf1020', price: 7500, position: 2 },
  { sku: 'CL-14-GR', productId: 'CL-14', name: 'Emerald Grove', colour: '#57ae13', price: 2300, position: 1 },
  { sku: 'CL-14-RD', productId: 'CL-14', name: 'Ruby Fields', colour: '#cd2b1e', price: 2300, position: 2 },
  { sku: 'CL-15-PI', productId: 'CL-15', name: 'Vintage Pink', colour: '#e1949e', price: 6200, position: 1 },
  { sku: 'CL-15-SD', productId: 'CL-15', name: 'Sahara Dust', colour: '#dec78c', price: 6200, position: 2 },
];

/** A product as the contract shows it, from its rows (highlights and variants in any order). */
export function productOf(
  product: Pick<ProductRow, 'id' | 'name' | 'category'>,
  highlightRows: readonly Pick<HighlightRow, 'position' | 'text'>[],
  variantRows: readonly Omit<VariantRow, 'productId'>[],
): Product {
  const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
  return {
    id: product.id,
    name: product.name,
    category: product.category,
    highlights: [...highlightRows].sort(byPosition).map((h) => h.text),
    variants: [...variantRows].sort(byPosition).map(({ sku, name, colour, price }) => ({
      sku,
      name,
      colour,
      price,
      image: pictureUrl('product', sku),
    })),
  };
}
