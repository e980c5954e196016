/**
 * Word lists for the synthetic knowledge folders: the names, bodies, issues and places that news articles
 * about national human rights institutions are made of. Countries, cities and people are invented (built from
 * syllables) so that they never collide with the real seed article; networks, UN bodies and partners are real.
 */

const COUNTRY_START = [
	'Mer', 'Pel', 'Ost', 'Val', 'Kes', 'Nor', 'Tam', 'Lus', 'Dre', 'Sol', 'Av', 'Bran', 'Cal', 'Est', 'Fen', 'Gal', 'Hes', 'Ir',
	'Jar', 'Kal', 'Lor', 'Mon', 'Nev', 'Or', 'Pra', 'Quen', 'Ros', 'Sar', 'Tel', 'Ul', 'Var', 'Wes', 'Yar', 'Zel',
] as const;
const COUNTRY_MIDDLE = ['o', 'a', 'i', 'e', 'an', 'el', 'ar', 'in'] as const;
const COUNTRY_END = ['via', 'dria', 'nia', 'land', 'stan', 'mark', 'ria', 'tia', 'gua', 'ora', 'venia', 'vania'] as const;

export interface Country {
	name: string;
	/** "Merovian": the adjective a paraphrase uses instead of the name. */
	adjective: string;
}

/** Every invented country name (about 3,000), in a fixed order. */
export const COUNTRIES: readonly Country[] = COUNTRY_START.flatMap((start) =>
	COUNTRY_MIDDLE.flatMap((middle) =>
		COUNTRY_END.map((end) => {
			const name = `${start}${middle}${end}`;
			const adjective = name.endsWith('a') ? `${name}n` : name.endsWith('stan') ? `${name}i` : `${name}ic`;
			return { name, adjective };
		}),
	),
);

const CITY_START = ['Port', 'Fort', 'New', 'Upper', 'Lower', 'East', 'West', 'North', 'South', 'Old'] as const;
const CITY_BODY = [
	'Alden', 'Brisk', 'Corvel', 'Dunmere', 'Elston', 'Farrow', 'Greywick', 'Halden', 'Ivel', 'Juno', 'Karst', 'Lindow', 'Marrow',
	'Nessa', 'Orrin', 'Pallas', 'Quarry', 'Rhyl', 'Selby', 'Tarn', 'Umber', 'Vesk', 'Wendel', 'Yarrow', 'Zenith', 'Ashby', 'Bellmont',
	'Caddon', 'Drury', 'Eskmouth',
] as const;
const CITY_SUFFIX = ['', 'ton', 'burg', 'ford', 'haven', 'dale'] as const;

/** Invented city names (about 1,800). */
export const CITIES: readonly string[] = CITY_BODY.flatMap((body) =>
	CITY_SUFFIX.flatMap((suffix) => [`${body}${suffix}`, ...CITY_START.map((start) => `${start} ${body}${suffix}`)]),
);

export const FIRST_NAMES: readonly { name: string; pronoun: 'He' | 'She' }[] = [
	...['Askel', 'Bekzat', 'Dmitar', 'Emeka', 'Farid', 'Goran', 'Hiroshi', 'Ivan', 'Jonas', 'Kofi', 'Lars', 'Mateo', 'Nikolai', 'Omar', 'Pavel', 'Rafael', 'Samir', 'Tomas', 'Viktor', 'Yusuf', 'Anders', 'Bogdan', 'Chidi', 'Daniyar', 'Erlan', 'Felipe', 'Hamid', 'Jakub', 'Kamal', 'Luka'].map(
		(name) => ({ name, pronoun: 'He' as const }),
	),
	...['Aigerim', 'Beatriz', 'Chiara', 'Dana', 'Elena', 'Fatima', 'Gulnara', 'Hana', 'Ingrid', 'Jelena', 'Karin', 'Leila', 'Maria', 'Nadia', 'Olga', 'Priya', 'Rosa', 'Saule', 'Tamara', 'Ulla', 'Vesna', 'Yasmin', 'Zarina', 'Amina', 'Birgit', 'Carmen', 'Daria', 'Esra', 'Fiona', 'Grace'].map(
		(name) => ({ name, pronoun: 'She' as const }),
	),
];

export const LAST_NAMES: readonly string[] = [
	'Abenov', 'Bauer', 'Castillo', 'Dimitrov', 'Eriksen', 'Fonseca', 'Gashi', 'Haddad', 'Ibrahimov', 'Jansen', 'Kowalski', 'Lindqvist',
	'Mensah', 'Novak', 'Okafor', 'Petrov', 'Quispe', 'Rahman', 'Suleimenov', 'Tanaka', 'Usmanova', 'Vidal', 'Wojcik', 'Yilmaz', 'Zhakupov',
	'Alvarez', 'Berisha', 'Cohen', 'Demir', 'Esposito', 'Ferreira', 'Gruber', 'Horvat', 'Ivanova', 'Jovanovic', 'Kim', 'Larsen', 'Moreau',
	'Nazarov', 'Oliveira', 'Popescu', 'Rossi', 'Sato', 'Toure', 'Urbanek', 'Varga', 'Weber', 'Xavier', 'Yamamoto', 'Zoric', 'Aliyev',
	'Banda', 'Costa', 'Diallo', 'Engel', 'Fischer', 'Garcia', 'Hoxha', 'Ismailov', 'Juric', 'Kariuki', 'Lopez', 'Mwangi', 'Nieminen',
	'Orlov', 'Pereira', 'Rustamov', 'Silva', 'Tkachenko', 'Ueda', 'Volkov', 'Wagner', 'Yusupov', 'Zeller', 'Akhmetov', 'Bianchi',
	'Chowdhury', 'Dossou', 'Eze', 'Fernandes',
];

/** Kinds of institution: the name as written, a short back-reference, the head's title and a paraphrase. */
export const INSTITUTION_KINDS: readonly { name: string; short: string; title: string; paraphrase: string }[] = [
	{ name: 'Human Rights Commission', short: 'the commission', title: 'Chairperson of the Human Rights Commission', paraphrase: 'national human rights institution' },
	{ name: 'Ombudsman', short: 'the ombudsman', title: 'Ombudsman', paraphrase: 'ombudsperson' },
	{ name: 'Office of the Public Defender', short: 'the office', title: 'Public Defender', paraphrase: "people's advocate" },
	{ name: 'Commissioner for Human Rights', short: 'the commissioner', title: 'Commissioner for Human Rights', paraphrase: 'human rights ombudsman' },
	{ name: "People's Advocate", short: 'the advocate', title: "People's Advocate", paraphrase: 'public defender' },
	{ name: 'National Human Rights Institution', short: 'the institution', title: 'Director of the National Human Rights Institution', paraphrase: 'human rights commission' },
	{ name: "Children's Ombudsman", short: 'the ombudsman', title: "Children's Ombudsman", paraphrase: "children's commissioner" },
	{ name: 'Equality and Human Rights Body', short: 'the body', title: 'Head of the Equality and Human Rights Body', paraphrase: 'equality commission' },
];

export const NETWORKS: readonly string[] = [
	'Global Alliance of National Human Rights Institutions',
	'European Network of National Human Rights Institutions',
	'Network of African National Human Rights Institutions',
	'Ibero-American Federation of Ombudsman',
	'International Ombudsman Institute',
	'Commonwealth Forum of National Human Rights Institutions',
	'Arab Network of National Human Rights Institutions',
	'Southeast Asia National Human Rights Institutions Forum',
	'Association of Mediterranean Ombudsmen',
	'Network of Children’s Ombudspersons',
];

export const UN_BODIES: readonly string[] = [
	'UN Committee against Torture',
	'Subcommittee on Prevention of Torture',
	'Human Rights Council',
	'Committee on the Rights of the Child',
	'Committee on the Elimination of Discrimination against Women',
	'Committee on Economic, Social and Cultural Rights',
	'Committee on the Rights of Persons with Disabilities',
	'Human Rights Committee',
	'Working Group of the Universal Periodic Review',
	'Committee on Migrant Workers',
];

export const PARTNERS: readonly string[] = [
	'UNDP',
	'UNICEF',
	'the Council of Europe',
	'the European Union',
	'the OSCE Office for Democratic Institutions and Human Rights',
	'the International Labour Organization',
	'the World Health Organization',
	'Amnesty International',
	'the International Committee of the Red Cross',
	'the Danish Institute for Human Rights',
	'the Raoul Wallenberg Institute',
	'the Association for the Prevention of Torture',
	'Save the Children',
	'the UN Refugee Agency',
	'the International Organization for Migration',
];

/** Issues with a one- or two-word keyword a person would type. */
export const ISSUES: readonly { text: string; keyword: string }[] = [
	{ text: 'conditions in pre-trial detention', keyword: 'pre-trial detention' },
	{ text: 'overcrowding in prisons', keyword: 'prison overcrowding' },
	{ text: 'the rights of persons with disabilities', keyword: 'disability rights' },
	{ text: 'the rights of children in state care', keyword: 'children in care' },
	{ text: 'domestic violence', keyword: 'domestic violence' },
	{ text: 'access to clean water', keyword: 'clean water' },
	{ text: 'the use of force by police', keyword: 'police force' },
	{ text: 'freedom of peaceful assembly', keyword: 'peaceful assembly' },
	{ text: 'freedom of expression online', keyword: 'online expression' },
	{ text: 'the rights of migrant workers', keyword: 'migrant workers' },
	{ text: 'human trafficking', keyword: 'trafficking' },
	{ text: 'discrimination in employment', keyword: 'employment discrimination' },
	{ text: 'access to healthcare in rural areas', keyword: 'rural healthcare' },
	{ text: 'the right to adequate housing', keyword: 'housing' },
	{ text: 'land rights of indigenous communities', keyword: 'indigenous land' },
	{ text: 'torture and ill-treatment in custody', keyword: 'torture custody' },
	{ text: 'the rights of older persons', keyword: 'older persons' },
	{ text: 'hate speech', keyword: 'hate speech' },
	{ text: 'statelessness', keyword: 'statelessness' },
	{ text: 'the right to education', keyword: 'education' },
	{ text: 'industrial pollution', keyword: 'pollution' },
	{ text: 'forced evictions', keyword: 'evictions' },
	{ text: 'gender equality in the civil service', keyword: 'gender equality' },
	{ text: 'juvenile justice', keyword: 'juvenile justice' },
	{ text: 'conditions in psychiatric hospitals', keyword: 'psychiatric hospitals' },
	{ text: 'labour rights in the mining sector', keyword: 'mining labour' },
	{ text: 'the right to a fair trial', keyword: 'fair trial' },
	{ text: 'privacy and data protection', keyword: 'data protection' },
	{ text: 'the protection of refugees', keyword: 'refugees' },
	{ text: 'minority language rights', keyword: 'minority languages' },
	{ text: 'the pension system', keyword: 'pensions' },
	{ text: 'access to justice for the poor', keyword: 'access to justice' },
];

export const FACILITIES: readonly string[] = [
	'prisons', 'pre-trial detention centres', 'police stations', 'psychiatric hospitals', 'orphanages', 'migrant holding centres',
	'care homes for older persons', 'military barracks', 'juvenile detention facilities', 'social care institutions',
];

export const VICTIMS: readonly string[] = ['teenager', 'pensioner', 'migrant worker', 'journalist', 'student', 'farmer', 'nurse', 'disabled man', 'young mother', 'taxi driver'];

export const RECOMMENDATIONS: readonly string[] = [
	'close the old wing of the central prison',
	'ratify the Optional Protocol to the Convention against Torture',
	'raise the age of criminal responsibility',
	'create an independent police complaints body',
	'guarantee sign language interpretation in courts',
	'publish data on deaths in custody',
	'increase the number of social workers in rural districts',
	'repeal the law on foreign agents',
	'end the detention of migrant children',
	'adopt a national action plan on business and human rights',
	'provide free legal aid to victims of domestic violence',
	'make public buildings accessible to wheelchair users',
];

export const QUOTES: readonly string[] = [
	'Every complaint deserves a careful and timely answer',
	'Independence is not a privilege of the institution but a guarantee for the people it serves',
	'We cannot accept that people in detention are forgotten',
	'Our recommendations are only as strong as the government’s willingness to implement them',
	'The most vulnerable groups must be heard first',
	'No branch of government may instruct this office',
	'Cooperation with civil society makes our work credible',
	'Prevention is always better than investigation after the fact',
];

export const WEEKDAYS: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
export const MONTHS: readonly string[] = [
	'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
export const CURRENCIES: readonly string[] = ['euros', 'dollars', 'crowns', 'dinars', 'tenge', 'lari'];

/** Questions no document answers: off-topic ones, then (in corpus.ts) in-domain ones about facts never written. */
export const OFF_TOPIC_QUESTIONS: readonly string[] = [
	'What is the capital of France?',
	'How do I bake sourdough bread?',
	'Who won the 2018 football world cup?',
	'What is the stock price of Apple?',
	'how to install python on windows',
	'asdfghjkl',
	'What time does the swimming pool open?',
	'Recommend a good science fiction novel',
	'What is the weather in Lisbon tomorrow?',
	'How many moons does Jupiter have?',
	'Who painted the Mona Lisa?',
	'What is the best pizza topping?',
	'How do I reset my router password?',
	'Which team won the basketball final?',
	'What is the boiling point of mercury?',
	'Translate good morning into Japanese',
];
