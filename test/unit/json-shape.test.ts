import fc from 'fast-check';
import { jsonShapeExcess, type JsonShapeLimits } from '../../app/json-shape';

const roomy: JsonShapeLimits = { maxDepth: 100, maxValues: 1_000_000, maxElements: 1_000_000 };

/** Nesting depth as JSON.parse sees it: containers inside one another. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === 'object' && value !== null) return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('measuring JSON without parsing it', () => {
  it('passes text within every limit', () => {
    expect(jsonShapeExcess('{"entries": [{"address": "192.0.2.1"}, {"address": "192.0.2.2"}]}', roomy)).toBeUndefined();
  });

  it('stops at the first container past the depth limit', () => {
    expect(jsonShapeExcess('[[[1]]]', { ...roomy, maxDepth: 3 })).toBeUndefined();
    expect(jsonShapeExcess('[[[[1]]]]', { ...roomy, maxDepth: 3 })).toBe('depth');
    expect(jsonShapeExcess(`${'['.repeat(20_000)}`, { ...roomy, maxDepth: 16 })).toBe('depth');
  });

  it('does not count brackets, braces, commas or escaped quotes inside strings', () => {
    expect(jsonShapeExcess('["[[[[", "\\"[[[[,,,,", "{{{{"]', { maxDepth: 1, maxValues: 3, maxElements: 3 })).toBeUndefined();
  });

  it('counts the elements of the top-level array and of arrays just below it, not deeper ones', () => {
    const limits = { ...roomy, maxElements: 3 };
    expect(jsonShapeExcess('[1,2,3]', limits)).toBeUndefined();
    expect(jsonShapeExcess('[1,2,3,4]', limits)).toBe('elements');
    expect(jsonShapeExcess('{"entries":[1,2,3,4]}', limits)).toBe('elements');
    expect(jsonShapeExcess('{"a":1,"b":2,"c":3,"d":4}', limits)).toBeUndefined();
    expect(jsonShapeExcess('[[[1,2,3,4,5,6]]]', limits)).toBeUndefined();
  });

  it('counts values anywhere', () => {
    expect(jsonShapeExcess('[[[1,2,3,4,5,6]]]', { ...roomy, maxValues: 7 })).toBe('values');
    expect(jsonShapeExcess('[[[1,2,3,4,5,6]]]', { ...roomy, maxValues: 8 })).toBeUndefined();
  });

  it('finds exactly the depth JSON.parse would build, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), (value, maxDepth) => {
        const excess = jsonShapeExcess(JSON.stringify(value), { ...roomy, maxDepth });
        expect(excess === 'depth').toBe(depthOf(value) > maxDepth);
      }),
    );
  });
});
