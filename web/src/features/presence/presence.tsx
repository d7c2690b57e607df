import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useMutation, useSubscription } from 'urql';
import { graphql } from '../../graphql/generated';
import type { PresenceBar_PresenceSubscription } from '../../graphql/generated/graphql';
import { useSession } from '../../lib/session';
import './presence.css';

export const PresenceSubscription = graphql(`
  subscription PresenceBar_Presence($targetId: ID!) {
    presence(targetId: $targetId) {
      targetId
      count
      members {
        typing
        user {
          id
          name
        }
      }
    }
  }
`);

export const SetTypingMutation = graphql(`
  mutation PresenceBar_SetTyping($targetId: ID!, $typing: Boolean!) {
    setTyping(targetId: $targetId, typing: $typing)
  }
`);

type PresenceState = NonNullable<PresenceBar_PresenceSubscription['presence']>;

/** Renewed this often while the viewer keeps typing; the server lets typing lapse 6 s after the last. */
const RENEW_TYPING_MS = 3_000;
/** Typing ends after this long without a keystroke. */
const STOP_TYPING_MS = 4_000;
/** Names shown in the "here now" line before the rest become "and 3 others". */
const NAMED = 3;

/**
 * Who is on the target now. The viewer is present while this runs; every component of the page
 * asking for the same target shares one subscription (urql deduplicates it).
 */
export function usePresence(targetId: string): PresenceState | null {
  // The live transport signals a gap with a null root field; presence has no gap to fill, so the last state stays.
  const [{ data }] = useSubscription(
    { query: PresenceSubscription, variables: { targetId } },
    (previous: PresenceState | null | undefined, result) => (result.presence ? result.presence : (previous ?? null)),
  );
  return data ?? null;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

function listOf(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "3 here now: Ada, Bea and 1 other": signed-in members by name, everyone else (anonymous ones too) counted. */
export function hereNowText(presence: PresenceState): string {
  const parts = presence.members.slice(0, NAMED).map((member) => member.user.name);
  const others = presence.count - parts.length;
  if (others > 0) parts.push(`${others} ${others === 1 ? 'other' : 'others'}`);
  return `${presence.count} here now: ${listOf(parts)}`;
}

/** "Ada is typing…", "Ada and Bea are typing…": everyone typing but the viewer. */
export function typingText(presence: PresenceState, viewerId: string | undefined): string | null {
  const typing = presence.members.filter((member) => member.typing && member.user.id !== viewerId).map((member) => member.user.name);
  if (typing.length === 0) return null;
  if (typing.length > NAMED) return `${typing.length} people are typing…`;
  return `${listOf(typing)} ${typing.length === 1 ? 'is' : 'are'} typing…`;
}

export function HereNow({ targetId }: { targetId: string }) {
  const presence = usePresence(targetId);
  if (!presence) return null;
  return (
    <div className="presence" data-testid="here-now">
      <ul className="presence__avatars" aria-hidden="true">
        {presence.members.slice(0, NAMED).map((member) => (
          <li key={member.user.id} className="presence__avatar" title={member.user.name}>
            {initials(member.user.name)}
          </li>
        ))}
      </ul>
      <span className="presence__text">{hereNowText(presence)}</span>
    </div>
  );
}

export function TypingLine({ targetId }: { targetId: string }) {
  const presence = usePresence(targetId);
  const session = useSession();
  const text = presence && typingText(presence, session?.user.id);
  return (
    <p className="presence__typing muted" data-testid="typing-line" aria-live="polite">
      {text ?? '\u00a0'}
    </p>
  );
}

/**
 * Tells the others while the viewer types in what it wraps: setTyping(true) on the first keystroke
 * and again every few seconds while typing goes on, setTyping(false) after a pause or when leaving.
 * Posting needs nothing: the server ends typing with the comment.
 */
export function TypingReporter({ targetId, children }: { targetId: string; children: ReactNode }) {
  const [, setTyping] = useMutation(SetTypingMutation);
  const announcedAt = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const stop = useCallback(
    (tell: boolean) => {
      clearTimeout(idle.current);
      idle.current = undefined;
      if (announcedAt.current === 0) return;
      announcedAt.current = 0;
      if (tell) void setTyping({ targetId, typing: false });
    },
    [setTyping, targetId],
  );

  const typed = () => {
    const now = Date.now();
    if (now - announcedAt.current > RENEW_TYPING_MS) {
      announcedAt.current = now;
      void setTyping({ targetId, typing: true });
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(() => stop(true), STOP_TYPING_MS);
  };

  useEffect(() => () => stop(true), [stop]);

  return (
    <div onInput={typed} onSubmit={() => stop(false)}>
      {children}
    </div>
  );
}
