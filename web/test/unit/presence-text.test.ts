import { describe, expect, it } from 'vitest';
import { hereNowText, typingText } from '../../src/features/presence/presence';

const member = (name: string, typing = false) => ({ typing, user: { id: `id-${name}`, name } });

describe('the presence lines', () => {
  it('names up to three people here and counts everyone else, anonymous viewers included', () => {
    expect(hereNowText({ targetId: 't', count: 1, members: [member('Ada')] })).toBe('1 here now: Ada');
    expect(hereNowText({ targetId: 't', count: 2, members: [member('Ada'), member('Bea')] })).toBe('2 here now: Ada and Bea');
    expect(hereNowText({ targetId: 't', count: 3, members: [member('Ada'), member('Bea')] })).toBe('3 here now: Ada, Bea and 1 other');
    expect(hereNowText({ targetId: 't', count: 2, members: [] })).toBe('2 here now: 2 others');
    const many = ['Ada', 'Bea', 'Cy', 'Di'].map((name) => member(name));
    expect(hereNowText({ targetId: 't', count: 9, members: many })).toBe('9 here now: Ada, Bea, Cy and 6 others');
  });

  it('says who else is typing, never the viewer', () => {
    const presence = { targetId: 't', count: 3, members: [member('Ada', true), member('Bea', true), member('Cy')] };
    expect(typingText(presence, 'id-Cy')).toBe('Ada and Bea are typing…');
    expect(typingText(presence, 'id-Ada')).toBe('Bea is typing…');
    expect(typingText({ ...presence, members: [member('Ada', true)] }, 'id-Ada')).toBeNull();
  });
});
