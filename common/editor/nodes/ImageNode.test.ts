import { describe, expect, it } from 'vitest';
import { build } from '../serialized';
import { roundTrip } from './roundtrip';
import { assetIdOf } from './ImageNode';

describe('ImageNode', () => {
  it('round-trips an asset image with alt text, caption and size', () => {
    const state = build.root([
      build.image('asset:0190a1b2-0000-7000-8000-000000000001', 'A harbour at dawn', 'Photo: the author', 1200, 800),
      build.paragraph([build.text('after')]),
    ]);
    expect(roundTrip(state)).toEqual(state);
  });

  it('round-trips an image without caption or size', () => {
    const state = build.root([build.image('data:image/png;base64,iVBORw0KGgo=', 'Chart')]);
    expect(roundTrip(state)).toEqual(state);
  });

  it('reads the asset id only from asset: sources', () => {
    expect(assetIdOf('asset:abc')).toBe('abc');
    expect(assetIdOf('https://example.org/x.png')).toBeNull();
  });
});
