/** Change cursors: where a subscriber resumes from, sealed so they tell nothing of the log. */

import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import type { EntityKind } from '../db/schema.js';
import { userError } from '../errors.js';

/** Turns log positions into cursors a client cannot read, and back. */
export interface CursorSeal {
  seal(entity: EntityKind, position: number): string;
  /** The position inside a cursor this service gave out for `entity`; CURSOR_INVALID for anything else. */
  open(entity: EntityKind, cursor: string): number;
}

const VERSION = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const POSITION_BYTES = 8;
const SEALED_BYTES = 1 + IV_BYTES + POSITION_BYTES + TAG_BYTES;

/**
 * AES-256-GCM over the position, with the field's entity as associated data, so a cursor neither
 * shows how far the log moved between two events (which would count changes hidden from the
 * viewer, such as someone's draft being edited) nor works on another field. The IV is an HMAC of
 * the plaintext (a synthetic IV): one position always seals to the same cursor, and two different
 * positions never share an IV. Every instance with the same secret seals and opens alike.
 */
export function createCursorSeal(secret: string): CursorSeal {
  const material = secret;
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', material, 'live-recipes', info, 32));
  const encryptionKey = derive('change-cursor encryption');
  const ivKey = derive('change-cursor iv');
  const associated = (entity: EntityKind) => Buffer.from(`change-cursor:${VERSION}:${entity}`);

  const cursors: CursorSeal = {
    seal(entity, position) {
      const plain = Buffer.alloc(POSITION_BYTES);
      plain.writeBigUInt64BE(BigInt(position));
      const iv = createHmac('sha256', ivKey).update(associated(entity)).update(plain).digest().subarray(0, IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv).setAAD(associated(entity));
      const sealed = Buffer.concat([Buffer.of(VERSION), iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return sealed.toString('base64url');
    },
    open(entity, cursor) {
      const sealed = Buffer.from(cursor, 'base64url');
      if (sealed.length !== SEALED_BYTES || sealed[0] !== VERSION || sealed.toString('base64url') !== cursor) throw invalidCursor();
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const body = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + POSITION_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES + POSITION_BYTES);
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES }).setAAD(associated(entity));
        decipher.setAuthTag(tag);
        plain = Buffer.concat([decipher.update(body), decipher.final()]);
      } catch {
        throw invalidCursor();
      }
      const position = plain.readBigUInt64BE();
      if (position > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidCursor();
      return Number(position);
    },
  };
  return cursors;
}

export function invalidCursor() {
  return userError('BAD_USER_INPUT', 'The cursor is not a change cursor from this service; refetch and subscribe without it.', {
    reason: 'CURSOR_INVALID',
  });
}

export function expiredCursor() {
  return userError('BAD_USER_INPUT', 'The cursor is older than the change log keeps; refetch and subscribe without it.', {
    reason: 'CURSOR_EXPIRED',
  });
}
