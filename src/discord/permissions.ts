import {
	PermissionFlagsBits,
	type AutocompleteInteraction,
	type ChatInputCommandInteraction,
	type GuildMember,
	type MessageComponentInteraction,
} from 'discord.js';
import type { Env } from '../env.ts';
import { say } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/en.ts';

/** A refusal carries its English `reason` and its catalogue `key`, so a reply can say it in the person's language. */
export type CurationCheck = { ok: true } | { ok: false; reason: string; key: MessageKey };

const refused = (key: MessageKey): CurationCheck => ({ ok: false, reason: say('en', key), key });

/** Commands, their autocomplete, and clicks on moderators' buttons ("Why?") are all checked the same way. */
type CheckedInteraction = ChatInputCommandInteraction | AutocompleteInteraction | MessageComponentInteraction;

/** Role ids of an interaction's member, whether discord.js cached the guild (GuildMember) or not (raw API member). */
function memberRoleIds(interaction: CheckedInteraction): string[] {
	const member = interaction.member;
	if (!member) return [];
	const roles = (member as GuildMember | { roles: string[] }).roles;
	if (Array.isArray(roles)) return roles;
	// GuildMember: `_roles` has every id even when a role is missing from the cache.
	const raw = (member as unknown as { _roles?: string[] })._roles;
	return raw ?? [...roles.cache.keys()];
}

/**
 * May this person change the knowledge base? Checked at execution, whatever Discord's command
 * permissions say (a server admin can widen those):
 * - bot owners (`BOT_OWNER_IDS`): anywhere, and the only ones in DMs;
 * - in a server, with `MODERATOR_ROLE_IDS` set: members holding one of those roles;
 * - in a server, with no roles configured: members with Manage Server.
 *
 * With several servers sharing one knowledge base, set `MODERATOR_ROLE_IDS`: otherwise the
 * admins of every server the bot is in can curate it.
 */
export function canCurate(interaction: CheckedInteraction, env: Env): CurationCheck {
	if (env.BOT_OWNER_IDS.includes(interaction.user.id)) return { ok: true };
	if (!interaction.inGuild()) {
		return refused('curateDm');
	}
	if (env.MODERATOR_ROLE_IDS.length > 0) {
		const roles = memberRoleIds(interaction);
		return env.MODERATOR_ROLE_IDS.some((id) => roles.includes(id))
			? { ok: true }
			: refused('curateRole');
	}
	return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)
		? { ok: true }
		: refused('curateManage');
}
