import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { brokenLinks, headingSlug, markdownAnchors, markdownLinks } from './markdown-links';

const root = resolve(__dirname, '../..');
const gitFiles = (...patterns: string[]): string[] =>
  execFileSync('git', ['ls-files', '-z', '--', ...patterns], { cwd: root, encoding: 'utf8' }).split('\0').filter((f) => f !== '');

describe('the relative links of every tracked Markdown file', () => {
  const trackedFiles = gitFiles();
  const markdownFiles = gitFiles('*.md');

  it('include the contract, which the README links to', () => {
    expect(markdownFiles).toContain('docs/CONTRACT.md');
    expect(markdownLinks(readFileSync(join(root, 'README.md'), 'utf8')).map((l) => l.target)).toContain('docs/CONTRACT.md');
  });

  it('resolve to a tracked file inside the repository, and to a heading that exists', () => {
    expect(markdownFiles.flatMap((file) => brokenLinks({ root, trackedFiles }, file))).toEqual([]);
  });
});

describe('the link checker', () => {
  let dir: string;
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return { root: dir, trackedFiles: Object.keys(files) };
  };
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'md-links-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts links to tracked files and folders, headings, and anything with a scheme', () => {
    const repo = write({
      'README.md': '# Top\n[c](docs/C.md#2-notifications) [d](docs/) [self](#top) ![i](docs/a.png "A")\n[ref]: docs/C.md\n[w](https://example.com/x) [m](mailto:a@b.c)\n',
      'docs/C.md': '## 2. Notifications\nBack to [the README](../README.md#top).\n',
      'docs/a.png': '',
    });
    expect(['README.md', 'docs/C.md'].flatMap((f) => brokenLinks(repo, f))).toEqual([]);
  });

  it('names the file, line and target of a link that leaves the repository, is missing or untracked', () => {
    const repo = write({ 'docs/R.md': 'intro\n[c](../../shared/CONTRACT.md) and [g](gone.md)\n<a href="../x.md">x</a>\n[u]: ./untracked.md\n' });
    writeFileSync(join(dir, 'docs/untracked.md'), '');
    expect(brokenLinks(repo, 'docs/R.md')).toEqual([
      expect.stringMatching(/^docs\/R\.md:2: \.\.\/\.\.\/shared\/CONTRACT\.md: points outside the repository/),
      'docs/R.md:2: gone.md: docs/gone.md does not exist',
      'docs/R.md:3: ../x.md: x.md does not exist',
      'docs/R.md:4: ./untracked.md: docs/untracked.md exists but is not tracked by git',
    ]);
  });

  it('reports an anchor that names no heading, but checks only the file part of other targets', () => {
    const repo = write({ 'A.md': '# Only\n[a](B.md#missing) [b](#only) [c](src.ts#L10)\n', 'B.md': '# Here\n', 'src.ts': '' });
    expect(brokenLinks(repo, 'A.md')).toEqual(['A.md:2: B.md#missing: B.md has no heading with the anchor #missing']);
  });

  it('ignores links written inside code', () => {
    expect(markdownLinks('`[a](x.md)`\n```\n[b](y.md)\n```\n~~~md\n[c](z.md)\n~~~\n[d](w.md)\n')).toEqual([{ line: 8, target: 'w.md' }]);
  });

  it('gives headings the anchors GitHub gives them', () => {
    expect(headingSlug('5. The example backend (examples/backend)')).toBe('5-the-example-backend-examplesbackend');
    expect(headingSlug('Changelog from 1.0')).toBe('changelog-from-10');
    expect(headingSlug('The `replay` command: [links](x.md) & snake_case')).toBe('the-replay-command-links--snake_case');
    expect([...markdownAnchors('# A\n# A\n<a id="here"></a>\n```\n# not a heading\n```\n')]).toEqual(['a', 'a-1', 'here']);
  });
});
