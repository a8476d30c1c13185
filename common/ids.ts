/**
 * UUIDv7 (RFC 9562): a 48-bit millisecond timestamp then random bits. Rows get global ids that
 * sort by creation time, so a later sync engine can merge workspaces from several laptops
 * without id clashes. Within one millisecond a counter keeps ids monotonic on this machine.
 */
let lastMs = -1;
let seq = 0;

// Random bytes are drawn in batches: one getRandomValues call per id was a tenth of a bulk import.
const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let poolAt = pool.length;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidv7(now: number = Date.now()): string {
  if (poolAt === pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  const bytes = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  if (now <= lastMs) {
    now = lastMs;
    seq = (seq + 1) & 0xfff;
    if (seq === 0) now = ++lastMs;
  } else {
    seq = (((bytes[6] & 0x0f) << 8) | bytes[7]) & 0x7ff; // headroom so increments rarely overflow into the next ms
    lastMs = now;
  }
  // 48 bits do not fit a 32-bit shift: split the milliseconds into a high 16 and a low 32.
  const high = Math.floor(now / 0x100000000);
  const low = now >>> 0;
  const h = [
    HEX[(high >>> 8) & 0xff], HEX[high & 0xff], HEX[low >>> 24], HEX[(low >>> 16) & 0xff],
    '-', HEX[(low >>> 8) & 0xff], HEX[low & 0xff],
    '-', HEX[0x70 | ((seq >> 8) & 0x0f)], HEX[seq & 0xff],
    '-', HEX[(bytes[8] & 0x3f) | 0x80], HEX[bytes[9]],
    '-', HEX[bytes[10]], HEX[bytes[11]], HEX[bytes[12]], HEX[bytes[13]], HEX[bytes[14]], HEX[bytes[15]],
  ];
  return h.join('');
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
