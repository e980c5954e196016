import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The one wink-nlp instance: sentence boundaries, part-of-speech tags and date/number entities.
 * Loading the model takes ~80 ms, so it happens once, on first use.
 */
let instance: ReturnType<typeof winkNLP> | undefined;

export function nlp(): ReturnType<typeof winkNLP> {
	instance ??= winkNLP(model);
	return instance;
}
