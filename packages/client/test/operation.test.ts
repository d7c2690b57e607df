import { describe, expect, it } from 'vitest';
import { CursorError, cursorIn, GraphqlResultError, isTokenRefusal, resumePointOf } from '../src/index.js';

describe('the resume point of a subscription', () => {
  it('is the after variable of its root field, under the alias if any', () => {
    expect(resumePointOf('subscription S($from: String) { changes: recipeChanged(tag: "x", after: $from) { cursor } }')).toEqual({
      responseKey: 'changes',
      variable: 'from',
    });
  });

  it('picks the named operation of a document with several', () => {
    const query = 'subscription A { blogChanged { cursor } } subscription B($after: String) { recipeChanged(after: $after) { cursor } }';
    expect(resumePointOf(query, 'B')).toEqual({ responseKey: 'recipeChanged', variable: 'after' });
  });

  it('cannot resume a field without after, a literal after, or a query', () => {
    expect(resumePointOf('subscription { presence(targetId: "1") { count } }')?.variable).toBeNull();
    expect(resumePointOf('subscription { recipeChanged(after: "c1") { cursor } }')?.variable).toBeNull();
    expect(resumePointOf('query { me { id } }')).toBeNull();
    expect(resumePointOf('not graphql')).toBeNull();
  });

  it('reads the cursor of an event under the response key', () => {
    const point = resumePointOf('subscription { changes: recipeChanged { cursor } }');
    expect(cursorIn({ changes: { cursor: 'c9', kind: 'CREATED' } }, point)).toBe('c9');
    expect(cursorIn({ changes: null }, point)).toBeNull();
  });
});

describe('errors', () => {
  it('keep every GraphQL error with its extensions', () => {
    const error = new GraphqlResultError([{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }]);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.errors[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(new CursorError('CURSOR_EXPIRED', 'c1', []).reason).toBe('CURSOR_EXPIRED');
  });

  it('take only a request-level UNAUTHENTICATED for a refused token', () => {
    expect(isTokenRefusal([{ message: 'bad token', extensions: { code: 'UNAUTHENTICATED' } }])).toBe(true);
    expect(isTokenRefusal([{ message: 'sign in', path: ['notificationChanged'], extensions: { code: 'UNAUTHENTICATED' } }])).toBe(false);
  });
});
