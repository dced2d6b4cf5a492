import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redact } from '../../../src/extension/util/logger';

test('redact hides Basic auth headers, api_key values and URL credentials', () => {
  const text = redact('GET http://test:test_password@h/ari/events?api_key=test:test_password&app=x Authorization: Basic dGVzdDp0ZXN0X3Bhc3N3b3Jk');
  assert.ok(!text.includes('test_password'));
  assert.ok(!text.includes('dGVzdDp0ZXN0X3Bhc3N3b3Jk'));
  assert.match(text, /app=x/);
});
