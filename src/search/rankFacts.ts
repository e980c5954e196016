import type { Fact } from '../knowledge/types.ts';
import { RANK_MODIFIERS } from '../language/english.ts';
import { stem } from './analyze.ts';
import { coverFacts } from './coverage.ts';
import { holdsConstraints, meetsExpectation, STRICT_KINDS, type AskedWord, type Expectation } from './expectation.ts';
import type { FactIndex } from './factIndex.ts';
import type { QueryTerm, ReadQuestion } from './query.ts';
import type { SearchOptions } from './searchOptions.ts';

export interface RankedFact {
	fact: Fact;
	/** Position of the fact in the index. */
	factIndex: number;
	/**
	 * The sentence before or after it that holds what the question asks for when the fact itself does not
	 * ("why": the reason said just before). Shown with the fact.
	 */
	companion?: Fact;
	/** Share (0..1) of the question's weighted terms that the fact, whom it leans on, or its document's subject covers. */
	coverage: number;
	/** Coverage adjusted for the expectation and for the question's words standing together: what confidence is computed from. */
	evidence: number;
	/** Ranking score: evidence, then a slight preference for concise facts. */
	score: number;
	/** What the detailed rescoring saw, for the verifier to weigh. */
	signals: RankingSignals;
}

export interface RankingSignals {
	/** The fact holds the kind of value the question asks for (always true when it asks for none). */
	meetsExpectation: boolean;
	/** The fact states every number and ordinal the question states. */
	holdsConstraints: boolean;
	/** The fact holds the most telling word of every multi-word name the question asks about. */
	holdsNames: boolean;
	/** The fact speaks of the office asked about, not of its deputy. */
	holdsRole: boolean;
	/** Share (0..1) of neighbouring question-word pairs that stand together in the fact. */
	proximity: number;
}

/** Facts rescored in detail (expectation, proximity) after the first, coverage-only pass. */
const RERANK_DEPTH = 20;

/**
 * Scores the facts that share at least one term with the question and returns the best, best first.
 * A term's credit in a fact is the best of its variants; a document's subject, or a subject name the fact
 * refers to by a short form, can stand in for a term the sentence lacks, but never makes a fact a
 * candidate on its own.
 */
export function rankFacts(index: FactIndex, question: ReadQuestion, options: SearchOptions, limit: number): RankedFact[] {
	const { terms, expectation, names } = question;
	const termsOfVariant = new Map<string, number[]>();
	terms.forEach((term, t) => {
		for (const v of term.variants) termsOfVariant.set(v.term, [...(termsOfVariant.get(v.term) ?? []), t]);
	});
	const { askedStems } = expectation;
	const asksAboutRank = [...askedStems].some((s) => RANK_MODIFIER_STEMS.has(s));
	// A person or body the fact names is the question's own when the question says its word, in any form or by a synonym.
	const askedIn =
		(factIndex: number): AskedWord =>
		(wordStem) => {
			if (askedStems.has(wordStem)) return true;
			const at = index.factStems[factIndex]!.indexOf(wordStem);
			return at >= 0 && index.factConcepts[factIndex]!.some((m) => m.start <= at && at < m.end && termsOfVariant.has(m.concept));
		};
	const ranked = coverFacts(index, terms, options, RERANK_DEPTH).map(({ factIndex, coverage }): RankedFact => {
		const fact = index.facts[factIndex]!;
		const meets = meetsExpectation(fact, index.factStems[factIndex]!, expectation, index.languageOf(factIndex), askedIn(factIndex));
		const holdsRole = asksAboutRank || holdsRoleAsAsked(index, factIndex, termsOfVariant);
		const constraintsHeld = holdsConstraints(index.factStems[factIndex]!, expectation) || (fact.leansOnPrevious && holdsConstraints([...index.factStems[factIndex - 1]!, ...index.factStems[factIndex]!], expectation));
		const namesHeld = names.every((name) => index.earns(factIndex, heaviest(name)));
		const pairs = proximityPairs(index, factIndex, termsOfVariant, terms.length, options);
		const companion = meets || expectation.kind === 'none' ? undefined : companionFor(index, factIndex, expectation, askedIn);
		const missPenalty = STRICT_KINDS.has(expectation.kind) ? options.strictExpectationPenalty : options.expectationPenalty;
		// A companion sentence answers less directly than the fact itself would: half the penalty.
		const expectationAdjustment = expectation.kind === 'none' || meets ? 0 : companion ? -missPenalty / 2 : -missPenalty;
		const roleAdjustment = holdsRole ? 0 : -options.constraintPenalty;
		const constraintsAdjustment = constraintsHeld && namesHeld ? 0 : -options.constraintPenalty;
		const evidence = coverage + expectationAdjustment + constraintsAdjustment + roleAdjustment + Math.min(options.maxProximityBonus, pairs * options.proximityBonus);
		const concision = 1 / (1 + options.lengthNormalisation * (index.factLength[factIndex]! / index.averageLength));
		const signals = { meetsExpectation: meets, holdsConstraints: constraintsHeld, holdsNames: namesHeld, holdsRole, proximity: terms.length > 1 ? pairs / (terms.length - 1) : 0 };
		return { fact, factIndex, ...(companion ? { companion } : {}), coverage, evidence, score: evidence + 0.05 * concision, signals };
	});
	ranked.sort((a, b) => b.score - a.score || a.fact.position - b.fact.position);
	return ranked.slice(0, limit);
}

/**
 * Stems of the words that make an office another one (english.ts): a deputy ombudsman is not the ombudsman.
 */
const RANK_MODIFIER_STEMS: ReadonlySet<string> = new Set(RANK_MODIFIERS.map((w) => stem(w)));

/**
 * Whether the fact speaks of the office the question asks about, not of its deputy: a rank modifier right
 * before one of the question's terms ("Deputy Public Defender", "the deputy ombudsman") means another person.
 * Only asked when the question names no rank itself.
 */
function holdsRoleAsAsked(index: FactIndex, factIndex: number, askedTerms: ReadonlyMap<string, unknown>): boolean {
	const stems = index.factStems[factIndex]!;
	const askedAt = new Set(stems.flatMap((stem, i) => (askedTerms.has(stem) ? [i] : [])));
	for (const match of index.factConcepts[factIndex]!) if (askedTerms.has(match.concept)) askedAt.add(match.start);
	return !stems.some((stem, i) => RANK_MODIFIER_STEMS.has(stem) && (askedAt.has(i + 1) || askedAt.has(i + 2)));
}

function heaviest(terms: readonly QueryTerm[]): QueryTerm {
	return terms.reduce((best, term) => (term.weight > best.weight ? term : best));
}

/** The neighbouring sentence of the same document that meets the expectation the fact misses, if any. */
function companionFor(index: FactIndex, factIndex: number, expectation: Expectation, askedIn: (factIndex: number) => AskedWord): Fact | undefined {
	const fact = index.facts[factIndex]!;
	for (const neighbour of [factIndex - 1, factIndex + 1]) {
		const candidate = index.facts[neighbour];
		if (candidate && candidate.document === fact.document && meetsExpectation(candidate, index.factStems[neighbour]!, expectation, index.languageOf(neighbour), askedIn(neighbour))) return candidate;
	}
	return undefined;
}

/**
 * How many pairs of words the question puts side by side ("right to work") stand within a few words of each
 * other, in order, in the fact: evidence that the fact speaks of the same thing, not of its words apart.
 */
function proximityPairs(index: FactIndex, factIndex: number, termsOfVariant: ReadonlyMap<string, number[]>, termCount: number, options: SearchOptions): number {
	if (termCount < 2) return 0;
	const positions: number[][] = Array.from({ length: termCount }, () => []);
	const place = (term: string, position: number) => {
		for (const t of termsOfVariant.get(term) ?? []) positions[t]!.push(position);
	};
	index.factStems[factIndex]!.forEach((stem, i) => place(stem, i));
	for (const match of index.factConcepts[factIndex]!) {
		place(match.concept, match.start);
		if (match.end - 1 > match.start) place(match.concept, match.end - 1);
	}
	let pairs = 0;
	for (let t = 0; t + 1 < termCount; t++) {
		const next = positions[t + 1]!;
		if (positions[t]!.some((p) => next.some((q) => q > p && q - p <= options.proximityWindow))) pairs++;
	}
	return pairs;
}
