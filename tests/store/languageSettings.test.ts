import { describe, expect, test } from 'vitest';
import { useTempStore } from '../helpers.ts';

const temp = useTempStore();

describe('language settings', () => {
	test('GIVEN a user and a server setting THEN each is kept apart, replaced, cleared, and survives reopening', () => {
		expect(temp.store.getLanguage('user', '1')).toBeNull();
		temp.store.setLanguage('user', '1', 'kk');
		temp.store.setLanguage('guild', '1', 'ru');
		expect(temp.store.getLanguage('user', '1')).toBe('kk');
		expect(temp.store.getLanguage('guild', '1')).toBe('ru');
		temp.store.setLanguage('user', '1', 'en');
		temp.store.close();
		temp.reopen();
		expect(temp.store.getLanguage('user', '1')).toBe('en');
		temp.store.setLanguage('user', '1', null);
		expect(temp.store.getLanguage('user', '1')).toBeNull();
		expect(temp.store.getLanguage('guild', '1')).toBe('ru');
	});
});
