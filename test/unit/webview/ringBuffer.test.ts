import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RingBuffer } from '../../../src/extension/webviews/ringBuffer';

test('ring buffer keeps insertion order and is bounded', () => {
  const r = new RingBuffer<number>(3);
  assert.equal(r.push(1), undefined);
  r.push(2);
  r.push(3);
  assert.deepEqual([...r], [1, 2, 3]);
  assert.equal(r.push(4), 1, 'the oldest falls out');
  assert.equal(r.length, 3);
  assert.deepEqual([...r], [2, 3, 4]);
});

test('ring buffer wraps around many times and indexes oldest-first', () => {
  const r = new RingBuffer<number>(5);
  for (let i = 0; i < 1003; i++) r.push(i);
  assert.deepEqual([...r], [998, 999, 1000, 1001, 1002]);
  assert.equal(r.at(0), 998);
  assert.equal(r.at(4), 1002);
  assert.equal(r.at(5), undefined);
  assert.equal(r.at(-1), undefined);
  assert.equal(r.first(), 998);
  assert.equal(r.last(), 1002);
});

test('ring buffer shift, clear and resize keep the newest', () => {
  const r = new RingBuffer<string>(4);
  for (const s of 'abcdef') r.push(s);
  assert.equal(r.shift(), 'c');
  assert.deepEqual([...r], ['d', 'e', 'f']);
  r.push('g');
  r.push('h');
  r.resize(2);
  assert.deepEqual([...r], ['g', 'h']);
  r.resize(5);
  r.push('i');
  assert.deepEqual([...r], ['g', 'h', 'i']);
  r.clear();
  assert.equal(r.length, 0);
  assert.equal(r.shift(), undefined);
  assert.throws(() => new RingBuffer(0), RangeError);
});

test('ring buffer push is O(1): 200k pushes into a 50k buffer stay flat', () => {
  const r = new RingBuffer<{ n: number }>(50_000);
  for (let i = 0; i < 200_000; i++) r.push({ n: i });
  assert.equal(r.length, 50_000);
  assert.equal(r.first()?.n, 150_000);
  assert.equal(r.last()?.n, 199_999);
});
