// Where the committed copies of the real-server transcripts and the API description live
// (test/fixtures, made by scripts/sync-fixtures.mjs). Tests never read ../shared.
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const transcriptDir = path.join(repoRoot, 'test', 'fixtures', 'ari-transcripts');
export const apiDocsDir = path.join(repoRoot, 'test', 'fixtures', 'ari-api-docs');
