// Inspire's data: every variant the shop sells, with its colour — the source of the service's seed (the test
// "the seed holds the data module" keeps migrations/ equal to it) and of Inspire's mock, so mock mode and the
// real store recommend alike. Written from the Tractor Store 2.0 reference facts (MIT, neuland), in catalogue order.

export interface VariantData {
  readonly sku: string;
  readonly productId: string;
  /** The product's name and the variant's colour name. */
  readonly name: string;
  readonly rgb: readonly [number, number, number];
}

const variant = (sku: string, name: string, red: number, green: number, blue: number): VariantData => ({
  sku,
  productId: sku.slice(0, 5),
  name,
  rgb: [red, green, blue],
});

export const variants: readonly VariantData[] = [
  variant('AU-01-SI', 'TerraFirma AutoCultivator T-300 Silver', 192, 192, 192),
  variant('AU-02-OG', 'SmartFarm Titan Sunset Copper', 221, 82, 25),
  variant('AU-02-BL', 'SmartFarm Titan Cosmic Sapphire', 42, 82, 190),
  variant('AU-02-GG', 'SmartFarm Titan Verdant Shadow', 0, 90, 4),
  variant('AU-03-TQ', 'FutureHarvest Navigator Turquoise Titan', 22, 159, 184),
  variant('AU-03-PL', 'FutureHarvest Navigator Majestic Violet', 155, 95, 192),
  variant('AU-03-RD', 'FutureHarvest Navigator Scarlet Dynamo', 255, 36, 0),
  variant('AU-03-YE', 'FutureHarvest Navigator Sunbeam Yellow', 250, 173, 0),
  variant('AU-04-RD', 'Sapphire Sunworker 460R Ruby Red', 155, 17, 30),
  variant('AU-04-BK', 'Sapphire Sunworker 460R Midnight Onyx', 53, 56, 57),
  variant('AU-05-ZH', 'EcoGrow Crop Commander Zestful Horizon', 255, 160, 122),
  variant('AU-06-CZ', 'FarmFleet Sovereign Canary Zenith', 255, 215, 0),
  variant('AU-06-MT', 'FarmFleet Sovereign Minted Jade', 98, 136, 130),
  variant('AU-07-MT', 'Verde Voyager Glacial Mint', 175, 219, 210),
  variant('AU-07-YE', 'Verde Voyager Sunbeam Yellow', 255, 218, 3),
  variant('AU-08-WH', 'Field Pioneer Polar White', 232, 232, 232),
  variant('CL-01-GR', 'Heritage Workhorse Verdant Field', 107, 142, 35),
  variant('CL-01-GY', 'Heritage Workhorse Stormy Sky', 112, 128, 144),
  variant('CL-02-BL', 'Falcon Crest Farm Cerulean Classic', 0, 123, 167),
  variant('CL-03-GR', 'Falcon Crest Work Meadow Green', 124, 252, 0),
  variant('CL-03-PI', 'Falcon Crest Work Rustic Rose', 181, 0, 24),
  variant('CL-03-YE', 'Falcon Crest Work Harvest Gold', 218, 145, 0),
  variant('CL-04-BL', 'Broadfield Majestic Oceanic Blue', 0, 64, 166),
  variant('CL-04-RD', 'Broadfield Majestic Rustic Crimson', 123, 63, 0),
  variant('CL-04-TQ', 'Broadfield Majestic Aqua Green', 0, 178, 152),
  variant('CL-05-PT', 'Countryside Commander Pacific Teal', 71, 157, 168),
  variant('CL-05-RD', 'Countryside Commander Barn Red', 124, 10, 2),
  variant('CL-06-MT', 'Danamark Steadfast Emerald Forest', 70, 245, 187),
  variant('CL-06-YE', 'Danamark Steadfast Golden Wheat', 250, 175, 63),
  variant('CL-07-GR', 'Greenland Rover Forest Fern', 46, 162, 80),
  variant('CL-07-YE', 'Greenland Rover Autumn Amber', 255, 191, 0),
  variant('CL-08-GR', 'Holland Hamster Polder Green', 194, 178, 128),
  variant('CL-08-PI', 'Holland Hamster Tulip Magenta', 214, 82, 130),
  variant('CL-09-BL', 'TerraFirma Veneto Adriatic Blue', 47, 110, 163),
  variant('CL-09-GR', 'TerraFirma Veneto Tuscan Green', 81, 139, 43),
  variant('CL-10-SD', 'Global Gallant Sahara Dawn', 184, 168, 117),
  variant('CL-10-VI', 'Global Gallant Violet Vintage', 138, 43, 226),
  variant('CL-11-SK', 'Scandinavia Sower Baltic Blue', 149, 193, 244),
  variant('CL-11-YE', 'Scandinavia Sower Nordic Gold', 255, 215, 0),
  variant('CL-12-BL', 'Celerity Cruiser Velocity Blue', 30, 144, 255),
  variant('CL-12-RD', 'Celerity Cruiser Rally Red', 237, 41, 57),
  variant('CL-13-BL', 'Rapid Racer Speedway Blue', 38, 121, 166),
  variant('CL-13-RD', 'Rapid Racer Raceway Red', 207, 16, 32),
  variant('CL-14-GR', 'Caribbean Cruiser Emerald Grove', 87, 174, 19),
  variant('CL-14-RD', 'Caribbean Cruiser Ruby Fields', 205, 43, 30),
  variant('CL-15-PI', 'Fieldmaster Classic Vintage Pink', 225, 148, 158),
  variant('CL-15-SD', 'Fieldmaster Classic Sahara Dust', 222, 199, 140),
];
