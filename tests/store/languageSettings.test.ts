import { expect, test } from 'vitest';
import { describeOnEachBackend } from '../helpers.ts';

describeOnEachBackend('language settings', (temp) => {
	test('GIVEN a user and a server setting THEN each is kept apart, replaced, cleared, and survives reopening', async () => {
		expect(await temp.store.getLanguage('user', '1')).toBeNull();
		await temp.store.setLanguage('user', '1', 'kk');
		await temp.store.setLanguage('guild', '1', 'ru');
		expect(await temp.store.getLanguage('user', '1')).toBe('kk');
		expect(await temp.store.getLanguage('guild', '1')).toBe('ru');
		await temp.store.setLanguage('user', '1', 'en');
		await temp.store.close();
		await temp.reopen();
		expect(await temp.store.getLanguage('user', '1')).toBe('en');
		await temp.store.setLanguage('user', '1', null);
		expect(await temp.store.getLanguage('user', '1')).toBeNull();
		expect(await temp.store.getLanguage('guild', '1')).toBe('ru');
	});
});
