import { loadScenario } from './support/loadScenario.ts';

// The short burst for every `npm test`; the full one (1,000 from 200 users) is load.slow.test.ts.
loadScenario('load: 240 /ask from 60 users within 4.5 s, a /kb refresh in the middle', {
	users: 60,
	spaced: 2,
	impatient: 2,
	startSpreadMs: 400,
	refreshAtMs: 1_800,
	sendWithinMs: 4_500,
	seed: 6,
});
