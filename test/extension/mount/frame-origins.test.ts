import { describe, expect, it } from 'vitest';
import { frameOrigins } from '../../../extension/mount/frame-origins';

describe('frameOrigins', () => {
  it('posts only to extension origins, never "*"', () => {
    expect(frameOrigins('chrome-extension://dyn123/sidebar.html', 'abc')).toEqual([
      'chrome-extension://dyn123',
      'chrome-extension://abc',
    ]);
    expect(frameOrigins('chrome-extension://abc/sidebar.html', 'abc')).toEqual(['chrome-extension://abc']);
  });
});
