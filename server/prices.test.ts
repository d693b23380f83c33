import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_TABLE, PriceTable } from '../src/schemas/prices';
import { Emulator } from './emulator/emulator';
import { loadPriceTable, PriceFileError } from './prices';
import { rawRequest } from './testing/raw-request';
import { spawnServer } from './testing/spawn-server';
import { listen } from './testing/test-server';

const EURO_YAML = `# negotiated prices
currency: EUR
source:
  url: https://example.com/our-contract
  date: 2026-10-01
discountPercent: 12.5
fallbackRegion: europe-west1
regions:
  europe-west1:
    dcuHour:
      standard: { onDemand: 0.066 }
      premium: { onDemand: 0.098, commit1y: 0.088 }
    shuffleGbMonth: { standard: 0.044 }
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prices-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, text);
  return full;
}

describe('GET /console/prices', () => {
  let emulator: Emulator;
  beforeAll(() => {
    emulator = new Emulator({ db: ':memory:', transitionMs: 50, seed: false });
  });
  afterAll(() => emulator.close());

  it('answers the table in code by default, valid against the schema', async () => {
    const server = await listen(emulator);
    try {
      const response = await fetch(`${server.url}/console/prices`);
      expect(response.status).toBe(200);
      const body: unknown = await response.json();
      expect(body).toEqual(DEFAULT_PRICE_TABLE);
      expect(PriceTable.safeParse(body).success).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('is read-only and behind the same front door as /console/info', async () => {
    const server = await listen(emulator, { requireAuth: 's3cret' });
    try {
      expect((await fetch(`${server.url}/console/prices`)).status).toBe(401);
      const ok = await fetch(`${server.url}/console/prices`, { headers: { authorization: 'Bearer s3cret' } });
      expect(ok.status).toBe(200);
      const foreign = await rawRequest(`${server.url}/console/prices`, {
        headers: { authorization: 'Bearer s3cret', origin: 'https://evil.example' },
      });
      expect(foreign.status).toBe(403);
      const post = await fetch(`${server.url}/console/prices`, {
        method: 'POST',
        headers: { authorization: 'Bearer s3cret', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(post.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('--prices FILE', () => {
  it('reads YAML and JSON, filling the defaults a user need not write', () => {
    const yaml = loadPriceTable(file('eu.yaml', EURO_YAML));
    expect(yaml).toMatchObject({
      currency: 'EUR',
      hoursPerMonth: 730,
      commitment: 'onDemand',
      discountPercent: 12.5,
    });
    const json = loadPriceTable(file('us.json', JSON.stringify(DEFAULT_PRICE_TABLE)));
    expect(json).toEqual(DEFAULT_PRICE_TABLE);
    expect(loadPriceTable(undefined)).toBe(DEFAULT_PRICE_TABLE);
  });

  it('refuses a bad file naming the field, an unreadable one and one that is not JSON or YAML', () => {
    const bad = file('bad.yaml', EURO_YAML.replace('onDemand: 0.098', 'onDemand: "cheap"'));
    expect(() => loadPriceTable(bad)).toThrow(PriceFileError);
    expect(() => loadPriceTable(bad)).toThrow(/regions\["europe-west1"\]\.dcuHour\.premium\.onDemand: /);
    expect(() => loadPriceTable(path.join(dir, 'missing.yaml'))).toThrow(/cannot read the file/);
    expect(() => loadPriceTable(file('broken.json', '{"currency": '))).toThrow(/not JSON or YAML/);
  });

  it('serves the file’s table from the started server', async () => {
    const server = await spawnServer([
      '--api-only',
      '--db',
      ':memory:',
      '--no-seed',
      '--prices',
      file('eu2.yaml', EURO_YAML),
    ]);
    try {
      const body = (await (await fetch(`${server.url}/console/prices`)).json()) as PriceTable;
      expect(body.currency).toBe('EUR');
      expect(body.regions['europe-west1']!.dcuHour.premium).toEqual({ onDemand: 0.098, commit1y: 0.088 });
    } finally {
      await server.stop();
    }
  });

  it('stops the start with exit 1 and the field named when the file is bad', async () => {
    const bad = file('bad2.yaml', EURO_YAML.replace('currency: EUR', 'currency: euros'));
    await expect(
      spawnServer(['--api-only', '--db', ':memory:', '--no-seed', '--prices', bad]),
    ).rejects.toThrow(
      /server exited with 1: --prices .*bad2\.yaml: currency: a 3-letter ISO 4217 code such as USD/,
    );
  });
});
