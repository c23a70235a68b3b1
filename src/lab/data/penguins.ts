/** Palmer penguins: 344 birds, 3 species, measurements with some missing values (CC0). */
import { readDatasetFile } from './reader.ts';

export interface Penguin {
  species: string;
  island: string;
  beakLength: number | null;
  beakDepth: number | null;
  flipperLength: number | null;
  bodyMass: number | null;
  sex: string | null;
}

export interface PenguinsDataset {
  rows: Penguin[];
  species: string[];
}

const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export async function loadPenguins(): Promise<PenguinsDataset> {
  const text = new TextDecoder().decode(await readDatasetFile('penguins', 'penguins/penguins.json'));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('dataset "penguins": datasets/penguins/penguins.json is not valid JSON');
  }
  if (!Array.isArray(raw) || raw.length === 0 || typeof raw[0]?.Species !== 'string') {
    throw new Error('dataset "penguins": datasets/penguins/penguins.json is not a list of penguin records');
  }
  const rows = raw.map((r: Record<string, unknown>) => ({
    species: String(r.Species),
    island: String(r.Island),
    beakLength: number(r['Beak Length (mm)']),
    beakDepth: number(r['Beak Depth (mm)']),
    flipperLength: number(r['Flipper Length (mm)']),
    bodyMass: number(r['Body Mass (g)']),
    sex: typeof r.Sex === 'string' && r.Sex !== '.' ? r.Sex.toLowerCase() : null,
  }));
  return { rows, species: [...new Set(rows.map((r) => r.species))].sort() };
}
