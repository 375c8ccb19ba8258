import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

// House rule 10: mail and page content reach the user only as text. No source file of the
// extension (or shared/) may use an HTML sink; Preact renders text nodes and attributes only.
const SINKS = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|createContextualFragment|DOMParser/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

describe('no HTML sinks', () => {
  it.each(['extension', 'shared'])('in %s/', (dir) => {
    const offenders = sourceFiles(path.join(repoRoot, dir)).filter((file) => SINKS.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(repoRoot, f))).toEqual([]);
  });
});
