import { describe, expect, it } from 'vitest';
import { markColour, monogram } from '@/lib/client/provider-mark';

describe('provider mark', () => {
  it('gives a provider always the same colour and its initial', () => {
    expect(markColour('alpha')).toBe(markColour('alpha'));
    expect(markColour('alpha')).toMatch(/^#[0-9a-f]{6}$/);
    expect(monogram('  notion')).toBe('N');
    expect(monogram('...')).toBe('?');
  });
});
