import type { Language } from '../language/detect.ts';
import { KAZAKH_PERSON_PRONOUNS, kazakhSurname } from '../language/kazakh.ts';
import { RUSSIAN_PERSON_PRONOUNS, russianSurname } from '../language/russian.ts';
import type { Fact } from '../knowledge/types.ts';
import { words } from './analyze.ts';

const PRONOUNS: Partial<Record<Language, ReadonlySet<string>>> = { ru: RUSSIAN_PERSON_PRONOUNS, kk: KAZAKH_PERSON_PRONOUNS };
const SURNAME: Partial<Record<Language, (name: string) => string | undefined>> = { ru: russianSurname, kk: kazakhSurname };

/**
 * Whom each fact of a Russian or Kazakh document speaks of by a pronoun alone ("По ее словам, …", "— сказал он",
 * "ее заместителем был назначен …"): the person last named before it, as the document last wrote them. English
 * documents have this from ingestion (a fact's `about`); in Russian and Kazakh the pronoun's case and the
 * surname's would make a rewritten sentence ungrammatical, so the person is only indexed beside the fact.
 * A person is someone introduced by first name and surname ("Дарина Оскольская"); a surname alone later
 * ("Оскольская", "Климовой") names them again, while a lone capitalised word ending like one ("Озерском
 * районе") names nobody.
 * @returns per fact, in order, the person it refers to without naming them, or undefined.
 */
export function personReferences(facts: readonly Fact[], language: Language): (string | undefined)[] {
	const pronouns = PRONOUNS[language];
	const surnameOf = SURNAME[language];
	if (!pronouns || !surnameOf) return facts.map(() => undefined);
	/** Surnames of the people introduced so far. */
	const known = new Set<string>();
	let last: string | undefined;
	return facts.map((fact) => {
		for (const name of fact.names) {
			const parts = name.split(/\s+/);
			const surname = parts.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(parts[parts.length - 2]!) ? surnameOf(parts[parts.length - 1]!) : undefined;
			if (surname) known.add(surname);
		}
		// Any word that is a known surname names that person, at the start of the sentence too.
		const named = [...fact.text.matchAll(/\p{L}+/gu)].map((m) => m[0]).filter((word) => known.has(surnameOf(word) ?? ''));
		const refers = named.length === 0 && last !== undefined && words(fact.text, language).some((w) => pronouns.has(w.surface)) ? last : undefined;
		if (named.length) last = named[named.length - 1];
		return refers;
	});
}

