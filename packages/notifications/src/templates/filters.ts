/** The filters of the template language, in the order the Email Editor lists them. */
export const filterNames = ['upper', 'lower', 'nl2br'] as const;

/** A filter of the template language. */
export type FilterName = (typeof filterNames)[number];

/** Whether a name written after `|` is a filter. */
export function isFilterName(name: string): name is FilterName {
  return (filterNames as readonly string[]).includes(name);
}

// Names admins reach for from other template languages; edit distance alone would not find
// "upper" for "shout" (every letter differs).
const meanings: Readonly<Record<string, FilterName>> = {
  shout: 'upper',
  loud: 'upper',
  yell: 'upper',
  caps: 'upper',
  uppercase: 'upper',
  upcase: 'upper',
  capitalize: 'upper',
  toupper: 'upper',
  lowercase: 'lower',
  downcase: 'lower',
  tolower: 'lower',
  br: 'nl2br',
  linebreaks: 'nl2br',
  linebreaksbr: 'nl2br',
  newlines: 'nl2br',
  breaks: 'nl2br',
};

/** The filter an admin probably meant by an unknown name, if a known synonym. */
export function filterMeant(name: string): FilterName | undefined {
  const key = name.toLowerCase().replace(/[_-]/g, '');
  return Object.prototype.hasOwnProperty.call(meanings, key) ? meanings[key] : undefined;
}
