import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;

/**
 * The one wink-nlp instance, for sentence boundaries and its English vocabulary. Only the sentence
 * boundary step of its pipeline runs: tagging and entity recognition would triple ingestion time for
 * nothing the engine uses. Loading the model takes ~80 ms, so it happens once, on first use.
 */
let instance: { nlp: Nlp; vocabularySize: number } | undefined;

function load(): { nlp: Nlp; vocabularySize: number } {
	if (!instance) {
		const nlp = winkNLP(model, ['sbd']);
		// wink numbers the model's own lexemes first and gives each new word it meets the next number, so the
		// first unseen word's number is the size of the model's English vocabulary.
		instance = { nlp, vocabularySize: tokenId(nlp, 'qzxvjqzxvjqzxvj') };
	}
	return instance;
}

function tokenId(nlp: Nlp, word: string): number {
	// wink-nlp types its `its` helpers as methods, but they are plain functions that out() recognises by
	// identity: they must be passed as they are, not wrapped.
	// eslint-disable-next-line @typescript-eslint/unbound-method
	return Number(nlp.readDoc(word).tokens().out(nlp.its.uniqueId)[0]);
}

export function nlp(): Nlp {
	return load().nlp;
}

/** Whether a lower-case word is in the model's English vocabulary: a real word, not a typo. */
export function isEnglishWord(word: string): boolean {
	const { nlp: instanceNlp, vocabularySize } = load();
	return /^[a-z]+$/.test(word) && tokenId(instanceNlp, word) < vocabularySize;
}
