/**
 * The equipment found in a process area, by tag code (tag numbers like 20-K-2001A), with how many an
 * area typically has: the asset hierarchy and the documents about it are generated from this table.
 */

export interface EquipmentType {
  code: string;
  kind: string;
  descriptions: readonly string[];
  manufacturers: readonly string[];
  /** How many of these an area typically has: [min, max]. */
  perArea: readonly [number, number];
  /** A/B pairs (duty/standby) are common for rotating equipment. */
  paired: boolean;
}

export const EQUIPMENT_TYPES: readonly EquipmentType[] = [
  {
    code: 'P',
    kind: 'Pump',
    descriptions: [
      'Crude transfer pump',
      'Condensate export pump',
      'Produced water pump',
      'Firewater pump',
      'Lube oil pump',
      'Chemical injection pump',
      'Booster pump',
    ],
    manufacturers: ['Sulzer', 'Flowserve', 'KSB', 'Grundfos', 'Framo'],
    perArea: [4, 9],
    paired: true,
  },
  {
    code: 'K',
    kind: 'Compressor',
    descriptions: [
      'Export gas compressor',
      'Recompressor 1st stage',
      'Recompressor 2nd stage',
      'Instrument air compressor',
    ],
    manufacturers: ['Siemens Energy', 'Atlas Copco', 'MAN Energy Solutions', 'Baker Hughes'],
    perArea: [1, 3],
    paired: true,
  },
  {
    code: 'V',
    kind: 'Vessel',
    descriptions: [
      'Inlet separator',
      'Test separator',
      'Suction scrubber',
      'Flare knock-out drum',
      'Surge drum',
      'Degasser',
    ],
    manufacturers: ['Aker Solutions', 'Kanfa', 'Moss Maritime'],
    perArea: [3, 6],
    paired: false,
  },
  {
    code: 'E',
    kind: 'Heat exchanger',
    descriptions: ['Gas cooler', 'Crude preheater', 'Overhead condenser', 'Seawater cooler', 'Reboiler'],
    manufacturers: ['Alfa Laval', 'Kelvion', 'HRS'],
    perArea: [2, 5],
    paired: false,
  },
  {
    code: 'T',
    kind: 'Tank',
    descriptions: ['Crude storage tank', 'Diesel day tank', 'Slop tank', 'Methanol storage tank'],
    manufacturers: ['CB&I', 'Whessoe'],
    perArea: [0, 3],
    paired: false,
  },
  {
    code: 'XV',
    kind: 'Valve',
    descriptions: ['ESD valve', 'Blowdown valve', 'Shutdown valve', 'Pressure control valve'],
    manufacturers: ['Emerson', 'Cameron', 'Samson', 'Neles'],
    perArea: [4, 8],
    paired: false,
  },
  {
    code: 'PT',
    kind: 'Transmitter',
    descriptions: ['Pressure transmitter', 'Differential pressure transmitter'],
    manufacturers: ['Emerson', 'Yokogawa', 'ABB', 'Endress+Hauser'],
    perArea: [3, 7],
    paired: false,
  },
  {
    code: 'TT',
    kind: 'Transmitter',
    descriptions: ['Temperature transmitter'],
    manufacturers: ['Emerson', 'Yokogawa', 'ABB', 'Endress+Hauser'],
    perArea: [2, 5],
    paired: false,
  },
  {
    code: 'FT',
    kind: 'Transmitter',
    descriptions: ['Flow transmitter', 'Ultrasonic flow meter'],
    manufacturers: ['Emerson', 'Krohne', 'Endress+Hauser'],
    perArea: [1, 4],
    paired: false,
  },
  {
    code: 'G',
    kind: 'Generator',
    descriptions: ['Main power generator', 'Emergency generator'],
    manufacturers: ['Siemens Energy', 'Wärtsilä', 'Caterpillar'],
    perArea: [0, 2],
    paired: true,
  },
];
