/**
 * The demo's three fictional sites and their process areas. Names follow the conventions of oil & gas
 * and process plants so the demo reads like a real project and completion has believable things to offer.
 */

export interface Site {
  key: string;
  letter: string;
  name: string;
  description: string;
  /** [longitude, latitude] of the site centre (WGS84). */
  centre: readonly [number, number];
  areas: readonly { code: string; name: string }[];
}

export const SITES: readonly Site[] = [
  {
    key: 'plant-a',
    letter: 'A',
    name: 'Nordhavn Gas Plant',
    description: 'Onshore gas processing plant: inlet separation, compression, treatment and export.',
    centre: [5.0412, 60.5527],
    areas: [
      { code: '10', name: 'Inlet & Separation' },
      { code: '20', name: 'Gas Compression' },
      { code: '30', name: 'Gas Treatment' },
      { code: '40', name: 'Utilities' },
    ],
  },
  {
    key: 'plant-b',
    letter: 'B',
    name: 'Bergsund Refinery',
    description: 'Crude oil refinery with distillation, hydrotreating and a tank farm.',
    centre: [10.2217, 59.1244],
    areas: [
      { code: '10', name: 'Crude Distillation' },
      { code: '20', name: 'Hydrotreater' },
      { code: '30', name: 'Tank Farm' },
      { code: '50', name: 'Flare & Relief' },
    ],
  },
  {
    key: 'plant-c',
    letter: 'C',
    name: 'Skarv North Platform',
    description: 'Offshore production platform: wellheads, process module and power generation.',
    centre: [7.6513, 65.7288],
    areas: [
      { code: '10', name: 'Wellhead' },
      { code: '20', name: 'Process Module' },
      { code: '40', name: 'Power Generation' },
      { code: '60', name: 'Water Injection' },
    ],
  },
];
