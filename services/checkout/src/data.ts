// Checkout's data: the variants it sells and their stock when the shop opens — the source of its seed
// (migrations/002_seed.sql; the seed test fails when they differ) and of its mock. Written from the Tractor
// Store 2.0 reference facts (MIT, neuland). CL-04-TQ, CL-11-SK and CL-15-PI start out of stock.

export interface VariantRow {
  readonly sku: string;
  readonly productId: string;
  readonly name: string;
  readonly price: number;
  /** Units in stock when the shop opens. */
  readonly stock: number;
}

export const variants: readonly VariantRow[] = [
  {
    sku: 'AU-01-SI',
    productId: 'AU-01',
    name: 'TerraFirma AutoCultivator T-300 Silver',
    price: 1000,
    stock: 8,
  },
  { sku: 'AU-02-OG', productId: 'AU-02', name: 'SmartFarm Titan Sunset Copper', price: 4100, stock: 4 },
  { sku: 'AU-02-BL', productId: 'AU-02', name: 'SmartFarm Titan Cosmic Sapphire', price: 4000, stock: 3 },
  { sku: 'AU-02-GG', productId: 'AU-02', name: 'SmartFarm Titan Verdant Shadow', price: 4000, stock: 6 },
  {
    sku: 'AU-03-TQ',
    productId: 'AU-03',
    name: 'FutureHarvest Navigator Turquoise Titan',
    price: 1600,
    stock: 9,
  },
  {
    sku: 'AU-03-PL',
    productId: 'AU-03',
    name: 'FutureHarvest Navigator Majestic Violet',
    price: 1700,
    stock: 7,
  },
  {
    sku: 'AU-03-RD',
    productId: 'AU-03',
    name: 'FutureHarvest Navigator Scarlet Dynamo',
    price: 1900,
    stock: 8,
  },
  {
    sku: 'AU-03-YE',
    productId: 'AU-03',
    name: 'FutureHarvest Navigator Sunbeam Yellow',
    price: 1800,
    stock: 3,
  },
  { sku: 'AU-04-RD', productId: 'AU-04', name: 'Sapphire Sunworker 460R Ruby Red', price: 8700, stock: 9 },
  {
    sku: 'AU-04-BK',
    productId: 'AU-04',
    name: 'Sapphire Sunworker 460R Midnight Onyx',
    price: 8500,
    stock: 8,
  },
  {
    sku: 'AU-05-ZH',
    productId: 'AU-05',
    name: 'EcoGrow Crop Commander Zestful Horizon',
    price: 3400,
    stock: 8,
  },
  { sku: 'AU-06-CZ', productId: 'AU-06', name: 'FarmFleet Sovereign Canary Zenith', price: 2200, stock: 3 },
  { sku: 'AU-06-MT', productId: 'AU-06', name: 'FarmFleet Sovereign Minted Jade', price: 2100, stock: 5 },
  { sku: 'AU-07-MT', productId: 'AU-07', name: 'Verde Voyager Glacial Mint', price: 4000, stock: 4 },
  { sku: 'AU-07-YE', productId: 'AU-07', name: 'Verde Voyager Sunbeam Yellow', price: 5000, stock: 9 },
  { sku: 'AU-08-WH', productId: 'AU-08', name: 'Field Pioneer Polar White', price: 4500, stock: 4 },
  { sku: 'CL-01-GR', productId: 'CL-01', name: 'Heritage Workhorse Verdant Field', price: 5700, stock: 8 },
  { sku: 'CL-01-GY', productId: 'CL-01', name: 'Heritage Workhorse Stormy Sky', price: 6200, stock: 7 },
  { sku: 'CL-02-BL', productId: 'CL-02', name: 'Falcon Crest Farm Cerulean Classic', price: 2600, stock: 1 },
  { sku: 'CL-03-GR', productId: 'CL-03', name: 'Falcon Crest Work Meadow Green', price: 2300, stock: 7 },
  { sku: 'CL-03-PI', productId: 'CL-03', name: 'Falcon Crest Work Rustic Rose', price: 2300, stock: 3 },
  { sku: 'CL-03-YE', productId: 'CL-03', name: 'Falcon Crest Work Harvest Gold', price: 2300, stock: 6 },
  { sku: 'CL-04-BL', productId: 'CL-04', name: 'Broadfield Majestic Oceanic Blue', price: 2200, stock: 6 },
  { sku: 'CL-04-RD', productId: 'CL-04', name: 'Broadfield Majestic Rustic Crimson', price: 2200, stock: 3 },
  { sku: 'CL-04-TQ', productId: 'CL-04', name: 'Broadfield Majestic Aqua Green', price: 2200, stock: 0 },
  { sku: 'CL-05-PT', productId: 'CL-05', name: 'Countryside Commander Pacific Teal', price: 2700, stock: 1 },
  { sku: 'CL-05-RD', productId: 'CL-05', name: 'Countryside Commander Barn Red', price: 2700, stock: 1 },
  { sku: 'CL-06-MT', productId: 'CL-06', name: 'Danamark Steadfast Emerald Forest', price: 2800, stock: 1 },
  { sku: 'CL-06-YE', productId: 'CL-06', name: 'Danamark Steadfast Golden Wheat', price: 2800, stock: 2 },
  { sku: 'CL-07-GR', productId: 'CL-07', name: 'Greenland Rover Forest Fern', price: 2900, stock: 4 },
  { sku: 'CL-07-YE', productId: 'CL-07', name: 'Greenland Rover Autumn Amber', price: 2900, stock: 4 },
  { sku: 'CL-08-GR', productId: 'CL-08', name: 'Holland Hamster Polder Green', price: 7750, stock: 8 },
  { sku: 'CL-08-PI', productId: 'CL-08', name: 'Holland Hamster Tulip Magenta', price: 7900, stock: 3 },
  { sku: 'CL-09-BL', productId: 'CL-09', name: 'TerraFirma Veneto Adriatic Blue', price: 2950, stock: 4 },
  { sku: 'CL-09-GR', productId: 'CL-09', name: 'TerraFirma Veneto Tuscan Green', price: 2950, stock: 7 },
  { sku: 'CL-10-SD', productId: 'CL-10', name: 'Global Gallant Sahara Dawn', price: 2600, stock: 6 },
  { sku: 'CL-10-VI', productId: 'CL-10', name: 'Global Gallant Violet Vintage', price: 2600, stock: 2 },
  { sku: 'CL-11-SK', productId: 'CL-11', name: 'Scandinavia Sower Baltic Blue', price: 3100, stock: 0 },
  { sku: 'CL-11-YE', productId: 'CL-11', name: 'Scandinavia Sower Nordic Gold', price: 3100, stock: 3 },
  { sku: 'CL-12-BL', productId: 'CL-12', name: 'Celerity Cruiser Velocity Blue', price: 3200, stock: 8 },
  { sku: 'CL-12-RD', productId: 'CL-12', name: 'Celerity Cruiser Rally Red', price: 3200, stock: 8 },
  { sku: 'CL-13-BL', productId: 'CL-13', name: 'Rapid Racer Speedway Blue', price: 7500, stock: 1 },
  { sku: 'CL-13-RD', productId: 'CL-13', name: 'Rapid Racer Raceway Red', price: 7500, stock: 5 },
  { sku: 'CL-14-GR', productId: 'CL-14', name: 'Caribbean Cruiser Emerald Grove', price: 2300, stock: 3 },
  { sku: 'CL-14-RD', productId: 'CL-14', name: 'Caribbean Cruiser Ruby Fields', price: 2300, stock: 5 },
  { sku: 'CL-15-PI', productId: 'CL-15', name: 'Fieldmaster Classic Vintage Pink', price: 6200, stock: 0 },
  { sku: 'CL-15-SD', productId: 'CL-15', name: 'Fieldmaster Classic Sahara Dust', price: 6200, stock: 9 },
];
