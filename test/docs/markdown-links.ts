// Reads the links out of a Markdown file and checks the relative ones against the repository.
// A clone (or an installed package) holds only what git tracks, so a link must land on a tracked
// file or folder inside the repository; a link that leaves it (like `../shared/...`) works on
// one machine only. Anchors into Markdown files must name a heading that exists.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative } from 'node:path';

/** One link target found in a Markdown file, with the line it is on (1-based). */
export interface MarkdownLink {
  readonly line: number;
  readonly target: string;
}

// Inline links and images: [text](target "title"), with the target optionally in <...>.
const inlineLink = /!?\[[^\]]*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
// Reference definitions: [id]: target "title"
const referenceDefinition = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/;
// Raw HTML links and images.
const htmlAttribute = /<(?:a|img)\b[^>]*?\s(?:href|src)\s*=\s*("[^"]*"|'[^']*')/gi;
const fence = /^ {0,3}(`{3,}|~{3,})/;

/** Blanks inline code spans (keeping columns), so `[a](b)` written as code is not a link. */
const withoutCodeSpans = (line: string): string =>
  line.replace(/(`+)(.+?)\1/g, (span) => ' '.repeat(span.length));

/** Every link target in a Markdown text, outside fenced code blocks and code spans. */
export function markdownLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let openFence: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const fenceMatch = fence.exec(raw);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (openFence === undefined) openFence = marker;
      else if (marker[0] === openFence[0] && marker.length >= openFence.length) openFence = undefined;
      return;
    }
    if (openFence !== undefined) return;
    const line = withoutCodeSpans(raw);
    const add = (target: string) => links.push({ line: index + 1, target: target.replace(/^<(.*)>$/, '$1') });
    for (const match of line.matchAll(inlineLink)) add(match[1]!);
    for (const match of line.matchAll(htmlAttribute)) add(match[1]!.slice(1, -1));
    const definition = referenceDefinition.exec(line);
    if (definition) add(definition[1]!);
  });
  return links;
}

/** True for targets that name a scheme (https:, mailto:, ...) or a host (//host): not ours to check. */
const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link counts by its text
    .replace(/<[^>]+>/g, '') // inline HTML adds no text
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor a Markdown text offers: its headings' slugs (repeats get -1, -2, ...) and explicit ids. */
export function markdownAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let openFence: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const fenceMatch = fence.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (openFence === undefined) openFence = marker;
      else if (marker[0] === openFence[0] && marker.length >= openFence.length) openFence = undefined;
      continue;
    }
    if (openFence !== undefined) continue;
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      const slug = headingSlug(heading[1]!);
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const id of line.matchAll(/<[a-z]+\b[^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(id[1]!);
  }
  return anchors;
}

/** What the checker needs to know about the repository. */
export interface Repository {
  /** Absolute path of the repository's top folder. */
  readonly root: string;
  /** Every tracked file, relative to the root with `/` separators (as `git ls-files` prints them). */
  readonly trackedFiles: readonly string[];
}

/**
 * The problems with the relative links of one tracked Markdown file, each as
 * `file:line: target: what is wrong`; empty when every link resolves inside the repository.
 */
export function brokenLinks(repository: Repository, file: string): string[] {
  const tracked = new Set(repository.trackedFiles);
  const isTrackedFolder = (path: string) => repository.trackedFiles.some((f) => f.startsWith(`${path}/`));
  const read = (path: string) => readFileSync(join(repository.root, path), 'utf8');
  const problems: string[] = [];
  for (const { line, target } of markdownLinks(read(file))) {
    if (isExternal(target)) continue;
    const report = (why: string) => problems.push(`${file}:${line}: ${target}: ${why}`);
    const hashAt = target.indexOf('#');
    const pathPart = hashAt < 0 ? target : target.slice(0, hashAt);
    const anchor = hashAt < 0 ? undefined : decodeURIComponent(target.slice(hashAt + 1));
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart.split('?')[0]!);
    } catch {
      report('is not a valid URL path');
      continue;
    }
    // On GitHub a link starting with / is relative to the repository's top folder.
    const fromRoot = decoded === '' ? file : decoded.startsWith('/') ? decoded.slice(1) : join(dirname(file), decoded);
    const resolved = normalize(fromRoot).replace(/\\/g, '/').replace(/\/$/, '');
    if (resolved === '..' || resolved.startsWith('../') || isAbsolute(resolved)) {
      report(`points outside the repository (to ${relative(repository.root, join(repository.root, resolved))})`);
      continue;
    }
    const isRoot = resolved === '.' || resolved === '';
    if (!isRoot && !tracked.has(resolved) && !isTrackedFolder(resolved)) {
      report(existsSync(join(repository.root, resolved)) ? `${resolved} exists but is not tracked by git` : `${resolved} does not exist`);
      continue;
    }
    if (anchor !== undefined && anchor !== '' && resolved.endsWith('.md') && tracked.has(resolved)) {
      const anchors = markdownAnchors(read(resolved));
      if (!anchors.has(anchor) && !anchors.has(anchor.toLowerCase())) report(`${resolved} has no heading with the anchor #${anchor}`);
    }
  }
  return problems;
}
