/**
 * Corrects a misspelt word to a word of the knowledge base's vocabulary, SymSpell-style: every vocabulary
 * word is indexed under its one-letter deletions, so candidates are found by lookup rather than by scanning
 * the vocabulary, then confirmed with the Damerau–Levenshtein distance.
 */
export class TypoCorrector {
	private constructor(
		private readonly frequency: ReadonlyMap<string, number>,
		private readonly byDeletion: ReadonlyMap<string, string[]>,
		/** Longest known word: a longer "word" is no typo of any, and its deletions would cost the cube of its length. */
		private readonly longest: number,
	) {}

	/**
	 * @param frequency every known word with how often it occurs (more frequent wins a tie).
	 * @param pace called between words, to yield to the event loop during a long build.
	 */
	static async build(frequency: ReadonlyMap<string, number>, pace: () => Promise<void> = async () => {}): Promise<TypoCorrector> {
		const byDeletion = new Map<string, string[]>();
		let longest = 0;
		for (const word of frequency.keys()) {
			longest = Math.max(longest, word.length);
			if (word.length < 3 || /\d/.test(word)) continue;
			for (const key of deletions(word, true)) {
				const list = byDeletion.get(key);
				if (list) list.push(word);
				else byDeletion.set(key, [word]);
			}
			await pace();
		}
		return new TypoCorrector(frequency, byDeletion, longest);
	}

	/** Whether the word is in the vocabulary as it is. */
	knows(word: string): boolean {
		return this.frequency.has(word);
	}

	/**
	 * The closest known word within the allowed distance (1 edit from 4 letters, 2 from 8), or undefined.
	 * @example corrector.correct('kazakstan') // → { word: 'kazakhstan', distance: 1 }
	 */
	correct(word: string): { word: string; distance: number } | undefined {
		if (word.length < 4 || word.length > this.longest + 2 || /\d/.test(word) || this.frequency.has(word)) return undefined;
		const maxDistance = word.length >= 8 ? 2 : 1;
		const keys = new Set(deletions(word, true));
		if (maxDistance === 2) for (const once of deletions(word, false)) for (const twice of deletions(once, false)) keys.add(twice);
		let best: { word: string; distance: number } | undefined;
		for (const key of keys) {
			for (const candidate of this.byDeletion.get(key) ?? []) {
				if (Math.abs(candidate.length - word.length) > maxDistance) continue;
				const distance = damerauLevenshtein(word, candidate, maxDistance);
				if (distance > maxDistance) continue;
				// In a four-letter word a changed letter makes another word ("test" → "best") more often than a typo.
				if (word.length === 4 && candidate.length === 4 && !isTransposition(word, candidate)) continue;
				if (
					!best ||
					distance < best.distance ||
					(distance === best.distance && (this.frequency.get(candidate) ?? 0) > (this.frequency.get(best.word) ?? 0))
				) {
					best = { word: candidate, distance };
				}
			}
		}
		return best;
	}
}

function isTransposition(a: string, b: string): boolean {
	const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
	return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]] && a[diff[1]] === b[diff[0]!];
}

function deletions(word: string, includeSelf: boolean): string[] {
	const out = includeSelf ? [word] : [];
	for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
	return out;
}

/** Optimal-string-alignment distance, giving up early once it exceeds `limit`. */
export function damerauLevenshtein(a: string, b: string, limit = Infinity): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[][] = Array.from({ length: rows }, (_, i) => {
		const row = new Array<number>(cols).fill(0);
		row[0] = i;
		return row;
	});
	for (let j = 0; j < cols; j++) d[0]![j] = j;
	for (let i = 1; i < rows; i++) {
		let rowMin = Infinity;
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
			d[i]![j] = value;
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > limit) return rowMin;
	}
	return d[rows - 1]![cols - 1]!;
}
