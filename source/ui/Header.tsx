// One line (folded by priority on narrow terminals): where we are connected, the
// swarm, its managers, and whether the data is live.
import figures from 'figures';
import {Text} from 'ink';
import {humanDuration} from '../model/format.js';
import {managerSummary} from '../model/nodes.js';
import type {ClusterSnapshot} from '../model/snapshot.js';
import {displayWidth, fit, sanitize} from './text.js';
import {themes} from '../themes.js';
import {type Theme, useTheme} from './theme.js';

type Segment = {text: string; priority: number; color?: string; bold?: boolean};

export type HeaderProps = {
	endpoint: string;
	snapshot: ClusterSnapshot;
	now: number;
	width: number;
	problems: number;
	readOnly: boolean;
	/** Always shown, in yellow (e.g. TLS without verification). */
	warnings?: string[];
	/** Where the operator is: "services › stacks › services /shop". */
	crumbs?: string;
	/** The task poll interval: data much older than it means answers are not coming. */
	refresh?: number;
};

function shortAge(ms: number): string {
	const s = Math.max(0, Math.round(ms / 1000));
	if (s < 60) return `${s}s`;
	return humanDuration(ms).toLowerCase();
}

export function headerSegments({endpoint, snapshot, now, problems, readOnly, warnings = [], crumbs, refresh = 2000}: Omit<HeaderProps, 'width'>, theme: Theme = themes.dark): Segment[] {
	const swarm = snapshot.info?.Swarm;
	const counted = managerSummary(snapshot);
	// With quorum lost the node list is stale: whoever it names as leader is not one now.
	const managers = snapshot.noLeader ? {...counted, leader: undefined} : counted;
	// The age of the tasks on screen: the full list's, or a later poll of just those.
	const synced = Math.max(snapshot.syncedAt.tasks ?? 0, snapshot.syncedAt.focus ?? 0) || snapshot.syncedAt.services;
	const age = synced ? shortAge(now - synced) : '';
	const segments: Segment[] = [{text: 'swarmtui', priority: 0, bold: true, color: theme.title}];
	segments.push({text: sanitize(endpoint), priority: 3});
	if (swarm?.Cluster?.ID) segments.push({text: `swarm ${swarm.Cluster.ID.slice(0, 8)}`, priority: 5});
	if (managers.managers) {
		segments.push({
			text: `managers ${managers.managers}${managers.leader ? ` (leader ${sanitize(managers.leader)})` : ' (no leader!)'}`,
			priority: 2,
			color: managers.leader ? undefined : theme.error,
		});
	}
	segments.push({text: `nodes ${snapshot.nodes.size}`, priority: 2});
	const engine = snapshot.version?.Version ?? snapshot.info?.ServerVersion;
	if (engine) segments.push({text: `engine ${sanitize(engine)}`, priority: 6});
	if (readOnly) segments.push({text: 'read-only', priority: 1, color: theme.warn});
	for (const warning of warnings) segments.push({text: `${figures.warning} ${warning}`, priority: 0, color: theme.warn});
	if (snapshot.connection === 'disconnected') {
		const wait = snapshot.retryAt ? Math.max(0, Math.ceil((snapshot.retryAt - now) / 1000)) : 0;
		segments.push({
			text: `${figures.cross} disconnected, retrying in ${wait}s${age ? ` · data ${age} old` : ''}: ${sanitize(snapshot.error ?? '')}`,
			priority: 0,
			color: theme.error,
		});
	} else if (snapshot.connection === 'error') {
		segments.push({
			text: `${figures.cross} ${sanitize(snapshot.error ?? 'error')}${age ? ` (data ${age} old)` : ''}`,
			priority: 0,
			color: theme.error,
		});
	} else if (snapshot.connection === 'connecting') {
		segments.push({text: `${figures.circle} connecting`, priority: 0, color: theme.warn});
	} else if (synced && now - synced > Math.max(10_000, 3 * refresh)) {
		// Connected, but the polls are not being answered (a starved or stuck link): the
		// operator must not take this for live data.
		segments.push({text: `${figures.warning} no answer for ${age}: the data may be out of date`, priority: 0, color: theme.warn});
	} else {
		segments.push({text: `${figures.bullet} live ${age}`, priority: 1, color: theme.ok});
	}
	if (crumbs) segments.push({text: sanitize(crumbs), priority: 1, color: theme.accent});
	if (problems > 0) segments.push({text: `${figures.warning} ${problems} problem${problems === 1 ? '' : 's'}`, priority: 1, color: theme.warn});
	return segments;
}

/** Drops the least important segments until the line fits. */
export function fitSegments(segments: Segment[], width: number, gap = 2): Segment[] {
	const kept = [...segments];
	const total = () => kept.reduce((sum, s) => sum + displayWidth(s.text), 0) + gap * (kept.length - 1) + 1;
	while (kept.length > 1 && total() > width) {
		let drop = 0;
		for (let i = 1; i < kept.length; i++) if ((kept[i]?.priority ?? 0) >= (kept[drop]?.priority ?? 0)) drop = i;
		if ((kept[drop]?.priority ?? 0) === 0) break;
		kept.splice(drop, 1);
	}
	return kept;
}

export function Header(props: HeaderProps) {
	const theme = useTheme();
	const segments = fitSegments(headerSegments(props, theme), props.width);
	const gap = '  ';
	return (
		<Text wrap="truncate">
			{' '}
			{segments.map((segment, i) => (
				<Text key={i} color={segment.color} bold={segment.bold}>
					{i > 0 ? gap : ''}
					{i === segments.length - 1 ? fit(segment.text, Math.max(1, props.width - 1 - segments.slice(0, -1).reduce((n, s) => n + displayWidth(s.text) + gap.length, 0))).trimEnd() : segment.text}
				</Text>
			))}
		</Text>
	);
}
