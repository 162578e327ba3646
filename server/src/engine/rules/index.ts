import { attributionRule } from './attribution';
import { contradictionRule } from './contradiction';
import { loadedTermsRule } from './loadedTerms';
import { quotesRule } from './quotes';
import type { Rule } from './rule';

/** Every rule engine, in the order their findings are produced. */
export const ALL_RULES: readonly Rule[] = [contradictionRule, quotesRule, attributionRule, loadedTermsRule];
