import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Kinds of value a sentence can state, as wink-nlp's entity recogniser names them, plus YEAR for bare years. */
export type ValueKind = 'DATE' | 'TIME' | 'DURATION' | 'CARDINAL' | 'ORDINAL' | 'MONEY' | 'PERCENT' | 'YEAR';

export interface Value {
	kind: ValueKind;
	/** Lower-cased, as written. */
	text: string;
}

type Nlp = ReturnType<typeof winkNLP>;

/**
 * A second wink-nlp instance that recognises entities. Kept apart from ingestion's sentence-boundary-only
 * instance (see knowledge/nlp.ts) because entities are read lazily, for the few facts a question retrieves:
 * reading them for every fact at ingestion would add a third to the index build. Its pipeline is entity
 * recognition alone: a fact is one sentence already, and without sentence boundaries the recogniser finds the
 * very same entities (checked on the 200,000 facts and questions of the 100,000-fact bench) in a fifth less time.
 */
let recogniser: Nlp | undefined;

/** The recogniser calls years "CARDINAL"; a four-digit number in this range is almost always a year. */
const YEAR = /^(?:1[0-9]|20)\d\d$/;

/** The values a text states, in order. */
export function valuesIn(text: string): Value[] {
	recogniser ??= winkNLP(model, ['ner']);
	// wink-nlp's `its` helpers are plain functions that out() recognises by identity (see knowledge/nlp.ts).
	// eslint-disable-next-line @typescript-eslint/unbound-method
	const entities = recogniser.readDoc(text).entities().out(recogniser.its.detail) as unknown as { value: string; type: string }[];
	return entities.map(({ value, type }) => ({ kind: type === 'CARDINAL' && YEAR.test(value) ? 'YEAR' : (type as ValueKind), text: value.toLowerCase() }));
}

/** Facts' values, read once each: a question retrieves the same few facts again and again. */
export class ValueCache {
	private readonly byFact = new Map<number, Value[]>();

	constructor(private readonly limit = 50_000) {}

	of(factIndex: number, text: string): Value[] {
		let values = this.byFact.get(factIndex);
		if (!values) {
			values = valuesIn(text);
			if (this.byFact.size >= this.limit) this.byFact.clear();
			this.byFact.set(factIndex, values);
		}
		return values;
	}
}
