import type { FactIndex, Postings } from './factIndex.ts';
import type { QueryTerm } from './query.ts';
import type { SearchOptions } from './searchOptions.ts';

export interface Covered {
	factIndex: number;
	/** Share (0..1) of the question's weight the fact covers. */
	coverage: number;
}

/** Most facts scored up front from the strongest term's postings. */
const SEED_LIMIT = 2000;

/** One variant's postings, walked in fact order. */
interface Cursor {
	facts: Int32Array;
	weights: Float32Array;
	term: number;
	quality: number;
	/** False for facts that earn the term only through what their document is about. */
	direct: boolean;
	at: number;
}

/**
 * The `limit` facts of highest coverage, best first (ties: the earlier fact), among those covering at least
 * `minCoverage` and within `rerankMargin` of the best: further behind, no adjustment can bring a fact back
 * to the top. A fact is a
 * candidate when it holds a variant of some term itself; its document's subject and the subject names it
 * refers to can then stand in for the terms it lacks.
 *
 * Scored document-at-a-time over postings sorted by fact, so each candidate is met once with all its
 * credits and nothing is allocated per fact. MaxScore pruning: the terms whose postings together cannot
 * lift a fact past the bar stop proposing candidates and are only looked up for those the others propose.
 */
export function coverFacts(index: FactIndex, terms: readonly QueryTerm[], options: SearchOptions, limit: number): Covered[] {
	const termCount = terms.length;
	const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
	if (totalWeight === 0 || termCount === 0) return [];
	const cursorsOf: Cursor[][] = terms.map((term, t) =>
		term.variants.flatMap(({ term: variant, quality }) => [
			...cursor(index.postingsOf(variant), t, quality, true),
			...cursor(index.referencesOf(variant), t, quality, false),
		]),
	);
	const allCursors = cursorsOf.flat();
	const gain = terms.map((term) => term.weight * Math.max(0, ...term.variants.map((v) => v.quality)));
	const byGain = [...terms.keys()].filter((t) => cursorsOf[t]!.length > 0).sort((a, b) => gain[a]! - gain[b]!);
	const ceiling = byGain.reduce((sum, t) => sum + gain[t]!, 0) / totalWeight;

	let proposing = allCursors;
	let lookedUp: Cursor[] = [];
	let quietCount = 0;
	/** Terms whose gains together stay under the bar cannot make a fact worth keeping on their own. */
	const repartition = (bar: number) => {
		let reach = 0;
		let quiet = 0;
		for (const t of byGain) {
			if (reach + gain[t]! >= bar * totalWeight - 1e-9) break;
			reach += gain[t]!;
			quiet++;
		}
		if (quiet === quietCount) return;
		quietCount = quiet;
		const quietTerms = new Set(byGain.slice(0, quiet));
		proposing = allCursors.filter((c) => !quietTerms.has(c.term));
		lookedUp = allCursors.filter((c) => quietTerms.has(c.term));
	};

	const credit = new Float32Array(termCount);
	// Set per fact before it is scored: whether any credit came from the fact's own words, not only its document's.
	let direct: boolean;
	const earn = (c: Cursor, at: number) => {
		const earned = c.quality * c.weights[at]!;
		if (earned > credit[c.term]!) credit[c.term] = earned;
		if (c.direct) direct = true;
	};
	const coverage = () => {
		let matched = 0;
		for (let t = 0; t < termCount; t++) matched += terms[t]!.weight * credit[t]!;
		return matched / totalWeight;
	};
	const best = new TopCovered(limit, options.rerankMargin, options.minCoverage);

	// Score the facts of the term that adds most first, when it is rare: the bar then starts high and most
	// of the walk is pruned.
	const seeded = new Set<number>();
	const strongest = byGain[byGain.length - 1];
	// Its reference postings too: the facts of the document a question names are the likely answers.
	const strongestCursors = strongest === undefined ? [] : cursorsOf[strongest]!;
	if (strongestCursors.reduce((n, c) => n + c.facts.length, 0) <= SEED_LIMIT) {
		for (const fact of strongestCursors.flatMap((c) => [...c.facts])) {
			if (seeded.has(fact)) continue;
			seeded.add(fact);
			credit.fill(0);
			direct = false;
			for (const c of allCursors) {
				const at = seek(c.facts, 0, fact);
				if (c.facts[at] === fact) earn(c, at);
			}
			if (direct) best.offer(fact, coverage());
		}
	}

	let bar = -1;
	for (;;) {
		const worst = best.worstKept();
		if (worst >= ceiling - 1e-9) break;
		const newBar = Math.max(worst, best.bestKept() - options.rerankMargin, options.minCoverage);
		if (newBar > bar) {
			bar = newBar;
			repartition(bar);
		}
		let fact = Infinity;
		for (const c of proposing) if (c.at < c.facts.length && c.facts[c.at]! < fact) fact = c.facts[c.at]!;
		if (fact === Infinity) break;
		credit.fill(0);
		direct = false;
		for (const c of proposing) {
			if (c.facts[c.at] !== fact) continue;
			earn(c, c.at);
			c.at++;
		}
		if (seeded.has(fact)) continue;
		for (const c of lookedUp) {
			c.at = seek(c.facts, c.at, fact);
			if (c.facts[c.at] === fact) earn(c, c.at);
		}
		if (direct) best.offer(fact, coverage());
	}
	return best.sorted();
}

function cursor(postings: Readonly<Postings> | undefined, term: number, quality: number, direct: boolean): Cursor[] {
	return postings ? [{ facts: postings.facts, weights: postings.weights, term, quality, direct, at: 0 }] : [];
}

/** The highest-coverage facts seen so far: at most `limit`, at least `floor`, within `margin` of the best; ties go to the earlier fact. */
class TopCovered {
	private readonly kept: Covered[] = [];

	constructor(
		private readonly limit: number,
		private readonly margin: number,
		private readonly floor: number,
	) {}

	offer(factIndex: number, coverage: number): void {
		if (this.limit === 0 || coverage < this.floor || coverage < this.bestKept() - this.margin) return;
		const kept = this.kept;
		if (kept.length === this.limit) {
			const worst = kept[kept.length - 1]!;
			if (coverage < worst.coverage || (coverage === worst.coverage && factIndex > worst.factIndex)) return;
			kept.pop();
		}
		let at = kept.length;
		while (at > 0 && (kept[at - 1]!.coverage < coverage || (kept[at - 1]!.coverage === coverage && kept[at - 1]!.factIndex > factIndex))) at--;
		kept.splice(at, 0, { factIndex, coverage });
	}

	/** The highest coverage kept so far; -1 before any. */
	bestKept(): number {
		return this.kept[0]?.coverage ?? -1;
	}

	/** The lowest coverage kept once `limit` facts are kept (a later fact must beat it); -1 before. */
	worstKept(): number {
		return this.kept.length === this.limit ? this.kept[this.kept.length - 1]!.coverage : -1;
	}

	sorted(): Covered[] {
		return this.kept;
	}
}

/** The first position at or after `from` whose fact is at least `fact`: galloping, then binary search. */
function seek(sorted: Int32Array, from: number, fact: number): number {
	if (from >= sorted.length || sorted[from]! >= fact) return from;
	let step = 1;
	let hi = from + 1;
	while (hi < sorted.length && sorted[hi]! < fact) {
		from = hi;
		step *= 2;
		hi = from + step;
	}
	hi = Math.min(hi, sorted.length);
	let lo = from + 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid]! < fact) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
