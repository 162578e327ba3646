/**
 * The lexicon's categories: the closed list of `seeds/schema/lexicon.schema.json`, each with its group, the
 * words the Problems panel shows, a default severity and whose words it is inside reported speech.
 */
import type { Severity } from '../types';

/** What kind of bias a category carries: a slant in the words chosen, or a side taken on what is true. */
export type LexiconGroup = 'framing' | 'epistemological';

export interface LexiconCategoryInfo {
  group: LexiconGroup;
  /** How messages name it: "evaluative word", "doubting verb". */
  label: string;
  /** Severity when neither the entry nor the user sets one (the rule's own level then applies to none). */
  severity: Severity;
  /**
   * Whose words these are in the content of a statement attributed to a named source ("The senator said the
   * plan was reckless"): a verdict or a doubt belongs to the speaker reported; a label for people or things
   * stays the writer's choice of words, unless the entry is marked `exceptWhenAttributed`.
   */
  inReportedSpeech: 'speaker' | 'writer';
  /** True when the neutral rewording is usually to drop the word ("utterly inadequate", "Clearly, the plan …"). */
  droppable?: boolean;
}

/** Every category, by its id in the schema. */
export const LEXICON_CATEGORIES = {
  'pejorative-label': { group: 'framing', label: 'pejorative label', severity: 'warning', inReportedSpeech: 'writer' },
  'partisan-label': { group: 'framing', label: 'partisan label', severity: 'warning', inReportedSpeech: 'writer' },
  'one-sided-term': { group: 'framing', label: 'one-sided term', severity: 'warning', inReportedSpeech: 'writer' },
  slur: { group: 'framing', label: 'slur', severity: 'error', inReportedSpeech: 'writer' },
  dysphemism: { group: 'framing', label: 'dysphemism', severity: 'warning', inReportedSpeech: 'writer' },
  euphemism: { group: 'framing', label: 'euphemism', severity: 'warning', inReportedSpeech: 'writer' },
  'loaded-framing': { group: 'framing', label: 'loaded framing', severity: 'warning', inReportedSpeech: 'writer' },
  editorialising: { group: 'framing', label: 'evaluative word', severity: 'information', inReportedSpeech: 'speaker' },
  intensifier: { group: 'framing', label: 'intensifier', severity: 'information', inReportedSpeech: 'speaker', droppable: true },
  speculation: { group: 'framing', label: 'speculation', severity: 'warning', inReportedSpeech: 'speaker' },
  'say-verb': { group: 'framing', label: 'dramatising speech verb', severity: 'warning', inReportedSpeech: 'speaker' },
  'presupposing-verb': {
    group: 'epistemological',
    label: 'verb that presents a claim as proven',
    severity: 'warning',
    inReportedSpeech: 'speaker',
  },
  'doubting-verb': { group: 'epistemological', label: 'verb that casts doubt', severity: 'warning', inReportedSpeech: 'speaker' },
  'false-certainty': {
    group: 'epistemological',
    label: 'certainty stated as fact',
    severity: 'information',
    inReportedSpeech: 'speaker',
    droppable: true,
  },
} as const satisfies Record<string, LexiconCategoryInfo>;

/** A category id of the lexicon schema. */
export type LexiconCategory = keyof typeof LEXICON_CATEGORIES;

/** The category's description; unknown ids (a schema newer than the code) read as a pejorative label. */
export function categoryInfo(category: string): LexiconCategoryInfo {
  return (LEXICON_CATEGORIES as Record<string, LexiconCategoryInfo>)[category] ?? LEXICON_CATEGORIES['pejorative-label'];
}
