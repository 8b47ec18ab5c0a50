// The asset store: published team files, one folder per build — <root>/<team>/<build>/<file>, served as
// /assets/<team>/<build>/<file>. The key space maps one-to-one onto an object store or CDN bucket. A file is
// written once and never overwritten or deleted: the same bytes again are a no-op, other bytes are refused.
// An upload is streamed to disk, never held in memory, and bounded twice: per file, and per team in all.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { brotliCompress, gzip as gzipCallback } from 'node:zlib';
import { ASSET_FILE, BUILD_ID, TEAM_NAME } from '@tractor/shared/contracts/importmap';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

export const integrityOf = (bytes: Uint8Array) =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The file is already stored with other bytes: published files never change. */
export class AssetConflict extends Error {}

/** A file larger than the store takes (413). */
export class AssetTooLarge extends Error {}

/** An upload with no bytes: there is nothing to publish (400). */
export class EmptyAsset extends Error {}

/** The team's files would outgrow its share of the store (507). */
export class QuotaExceeded extends Error {}

export type PutResult = 'created' | 'unchanged';

export interface AssetLimits {
  /** The largest file a team may publish (bytes). */
  readonly fileBytes: number;
  /** What one team's published files may take in all (bytes, compressed copies included). */
  readonly teamBytes: number;
}

/** A team entry, its lazy chunks and source maps stay well under 10 MB; 500 MB holds a few hundred builds. */
export const DEFAULT_LIMITS: AssetLimits = { fileBytes: 10 * 1024 * 1024, teamBytes: 500 * 1024 * 1024 };

export class AssetStore {
  readonly root: string;
  readonly limits: AssetLimits;

  constructor(root: string, limits: AssetLimits = DEFAULT_LIMITS) {
    this.root = root;
    this.limits = limits;
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

  /** What the team's published files take on disk (bytes). */
  async used(team: string): Promise<number> {
    if (!TEAM_NAME.test(team)) throw new RangeError(`${team} is not a team name.`);
    const entries = await readdir(path.join(this.root, team), { recursive: true, withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      },
    );
    let total = 0;
    for (const entry of entries) {
      // Uploads still arriving (or the one being checked) are not published yet.
      if (entry.isFile() && !entry.name.endsWith('.tmp')) {
        total += (await stat(path.join(entry.parentPath, entry.name))).size;
      }
    }
    return total;
  }

  /** Refuses a file larger than the store takes. */
  assertSize(bytes: number): void {
    if (bytes > this.limits.fileBytes) {
      throw new AssetTooLarge(
        `A published file may be at most ${this.limits.fileBytes} bytes; this one is ${bytes}.`,
      );
    }
  }

  /** Refuses a new file of `bytes` the team has no room for. */
  async #assertRoom(team: string, bytes: number): Promise<void> {
    const used = await this.used(team);
    if (used + bytes > this.limits.teamBytes) {
      throw new QuotaExceeded(
        `${team}'s published files take ${used} of its ${this.limits.teamBytes} bytes: ` +
          `${bytes} more do not fit. Published files are kept for rollbacks; ask the platform team to make room.`,
      );
    }
  }

  /**
   * Publishes one file from a stream: written to a temporary name while it arrives (at most the file limit,
   * then AssetTooLarge), checked against the team's quota, then hard-linked into place — linking fails when
   * the name exists, so two publishers racing for the same key cannot overwrite each other or expose half a
   * file. Answers the result and the file's integrity.
   */
  async put(
    team: string,
    build: string,
    file: string,
    body: Readable | Uint8Array,
  ): Promise<{ result: PutResult; integrity: string; bytes: number }> {
    const target = this.#file(team, build, file);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    const hash = createHash('sha384');
    let bytes = 0;
    const limit = this.limits.fileBytes;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > limit) return done(new AssetTooLarge(`A published file may be at most ${limit} bytes.`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      const source = body instanceof Uint8Array ? [body] : body;
      await pipeline(source, count, createWriteStream(temporary, { flags: 'wx' }));
      if (bytes === 0) throw new EmptyAsset('Send the file’s bytes as the request body.');
      const integrity = `sha384-${hash.digest('base64')}`;
      const existing = await this.read(team, build, file);
      const written = await readFile(temporary);
      if (existing) return { result: sameBytes(existing, written, file), integrity, bytes };
      await this.#assertRoom(team, bytes);
      try {
        await link(temporary, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const raced = (await this.read(team, build, file))!;
        return { result: sameBytes(raced, written, file), integrity, bytes };
      }
      await this.#precompress(target, written);
      return { result: 'created', integrity, bytes };
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  }

  /** Compressed copies beside the file (<file>.br, <file>.gz), served to browsers that accept them. */
  async #precompress(target: string, bytes: Uint8Array) {
    if (bytes.length < 512) return;
    await writeFile(`${target}.br`, await brotli(bytes));
    await writeFile(`${target}.gz`, await gzip(bytes, { level: 9 }));
  }
}

function sameBytes(existing: Buffer, bytes: Buffer, file: string): PutResult {
  if (existing.equals(bytes)) return 'unchanged';
  throw new AssetConflict(`${file} is already published with other content; published files never change.`);
}
