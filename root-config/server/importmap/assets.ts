// The asset store: published team files, one folder per build — <root>/<team>/<build>/<file>, served as
// /assets/<team>/<build>/<file>. The key space maps one-to-one onto an object store or CDN bucket. A file is
// written once and never overwritten or deleted: the same bytes again are a no-op, other bytes are refused.
import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip as gzipCallback } from 'node:zlib';
import { ASSET_FILE, BUILD_ID, TEAM_NAME } from '@tractor/shared/contracts/importmap';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

export const integrityOf = (bytes: Uint8Array) =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The file is already stored with other bytes: published files never change. */
export class AssetConflict extends Error {}

export type PutResult = 'created' | 'unchanged';

export class AssetStore {
  readonly root: string;

  /** Compressed copies beside the file (<file>.br, <file>.gz), served to browsers that accept them. */
  async #precompress(target: string, bytes: Uint8Array) {
    if (bytes.length < 512) return;
    await writeFile(`${target}.br`, await brotli(bytes));
    await writeFile(`${target}.gz`, await gzip(bytes, { level: 9 }));
  }

  constructor(root: string) {
    this.root = root;
  }

  /** The file's path on disk; throws on anything that is not <team>/<build>/<file>. */
  #file(team: string, build: string, file: string): string {
    if (!TEAM_NAME.test(team) || !BUILD_ID.test(build) || !ASSET_FILE.test(file)) {
      throw new RangeError(`${team}/${build}/${file} is not an asset key (<team>/<build 12 hex>/<file>).`);
    }
    return path.join(this.root, team, build, file);
  }

  /** The stored bytes, or undefined when the file was never published. */
  async read(team: string, build: string, file: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.#file(team, build, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /**
   * Publishes one file. Written to a temporary name, then hard-linked into place: linking fails when the name
   * exists, so two publishers racing for the same key cannot overwrite each other or expose half a file.
   */
  async put(team: string, build: string, file: string, bytes: Uint8Array): Promise<PutResult> {
    const target = this.#file(team, build, file);
    const existing = await this.read(team, build, file);
    if (existing) return sameBytes(existing, bytes, file);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes);
    try {
      await link(temporary, target);
      await this.#precompress(target, bytes);
      return 'created';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return sameBytes((await this.read(team, build, file))!, bytes, file);
    } finally {
      await unlink(temporary);
    }
  }
}

function sameBytes(existing: Buffer, bytes: Uint8Array, file: string): PutResult {
  if (existing.equals(bytes)) return 'unchanged';
  throw new AssetConflict(`${file} is already published with other content; published files never change.`);
}
