import { loadScenario } from './support/loadScenario.ts';

// Issue 6, load: 1,000 /ask interactions from 200 distinct users within 10 s (`npm run test:stress`).
// Each user asks 3 questions 3.6 s apart (answered) and re-asks 400 ms after the first 2 (refused).
loadScenario('load: 1,000 /ask from 200 users within 10 s, a /kb refresh in the middle', {
	users: 200,
	spaced: 3,
	impatient: 2,
	startSpreadMs: 2_000,
	refreshAtMs: 4_500,
	sendWithinMs: 10_000,
	seed: 1_000,
});
