// Motverka's glue around Sveltia CMS: loaded as a module after sveltia-cms.js (index.html), before it starts.
//
// 1. Everything from this host: Sveltia fetches its Swedish interface text from a CDN; it is served here.
// 2. (The Swedish interface is chosen in start.js, before Sveltia reads its settings.)
// 3. The data files' own YAML: a text may be a plain string (Swedish) or a {sv, en} pair. The editor shows
//    every text as a pair, so a plain string is read as {sv: …}, and a pair without English is written back
//    as a plain string again. Values that YAML 1.1 (PyYAML, which the build reads with) would take for
//    something else than text, such as "09:00" or "ja", are written in quotes.

import { parse, Document, visit, isScalar } from './yaml/index.js';

const CDN = /^https:\/\/unpkg\.com\/@sveltia\/cms@[^/]+\/locales\//;
const OTHER_HOSTS = /^https:\/\/(unpkg\.com|cdn\.jsdelivr\.net|www\.githubstatus\.com)\//;
const here = new URL('./', import.meta.url).href;
const fetchFromNetwork = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (CDN.test(url)) return fetchFromNetwork(url.replace(CDN, `${here}locales/`), init);
  // Sveltia's version check, GitHub's status page and optional add-ons: never asked (the CSP refuses them too).
  if (OTHER_HOSTS.test(url)) return Promise.resolve(new Response('', { status: 404 }));
  return fetchFromNetwork(input, init);
};

// Strings PyYAML's YAML 1.1 resolvers read as something else (booleans, base-60 numbers, octal, null, …).
const YAML11 = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N)$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:~|null|Null|NULL|)$/, /^(?:<<|=)$/,
];

const matches = (pattern, path) => pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);

// Apply change(value) to every value whose key path (list positions as *) is one of patterns.
const mapPaths = (value, patterns, change, path = []) => {
  const current = patterns.some((pattern) => matches(pattern, path)) ? change(value) : value;
  if (Array.isArray(current)) return current.map((item, i) => mapPaths(item, patterns, change, [...path, String(i)]));
  if (current && typeof current === 'object') {
    return Object.fromEntries(Object.entries(current).map(([key, item]) => [key, mapPaths(item, patterns, change, [...path, key])]));
  }
  return current;
};

const toPair = (value) => (typeof value === 'string' ? { sv: value } : value);
const fromPair = (value) => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { sv, en, ...others } = value;
  return !en && !Object.keys(others).length && typeof sv === 'string' ? sv : value;
};

export const toYaml = (content) => {
  const document = new Document(content);
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && YAML11.some((pattern) => pattern.test(node.value))) node.type = 'QUOTE_DOUBLE';
    },
  });
  return document.toString({ lineWidth: 0, indentSeq: true });
};

export const dataFormat = ({ text }) => {
  const patterns = text.map((path) => path.split('.'));
  return {
    fromFile: (source) => mapPaths(parse(source, { schema: 'core' }) ?? {}, patterns, toPair),
    toFile: (content) => toYaml(mapPaths(content, patterns, fromPair)),
  };
};

// A page: front matter between --- lines, then the Markdown exactly as written.
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)([\s\S]*)$/;
export const pageFormat = {
  fromFile: (source) => {
    const found = FRONT_MATTER.exec(source);
    if (!found) return { body: source };
    return { ...(parse(found[1], { schema: 'core' }) ?? {}), body: found[2].replace(/^\n/, '') };
  },
  toFile: ({ body = '', ...meta }) => `---\n${toYaml(meta)}---\n\n${body.replace(/\s*$/, '')}\n`,
};

if (window.CMS) {
  const formats = await (await fetch(`${here}formats.json`)).json();
  for (const [name, kinds] of Object.entries(formats)) window.CMS.registerCustomFormat(name, 'yml', dataFormat(kinds));
  window.CMS.registerCustomFormat('motverka-frontmatter', 'md', pageFormat);
  window.CMS.init();
}
