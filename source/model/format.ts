// Small formatters shared by the views: durations, image names, ports.
import type {ApiPort} from '../docker/types.js';
import {list} from './coerce.js';

/** Like Go's units.HumanDuration, which the docker CLI uses ("5 minutes", "About an hour"). */
export function humanDuration(ms: number): string {
	// Go truncates seconds and minutes and rounds hours; so do we.
	const seconds = Math.floor(ms / 1000);
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${seconds} seconds`;
	const minutes = Math.floor(ms / 60_000);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return `${minutes} minutes`;
	const hours = Math.round(ms / 3_600_000);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return `${hours} hours`;
	if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
	if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
	if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
	return `${Math.floor(hours / 24 / 365)} years`;
}

export function ago(timestamp: string | undefined, now: number): string {
	if (typeof timestamp !== 'string' || !timestamp) return '';
	const t = Date.parse(timestamp);
	if (Number.isNaN(t) || t <= 0) return '';
	return `${humanDuration(Math.max(0, now - t)).toLowerCase()} ago`;
}

/** "docker.io/library/nginx:1.25@sha256:…" -> "nginx:1.25": tag shown, digest hidden. */
export function shortImage(image: string | undefined): string {
	if (typeof image !== 'string' || !image) return '';
	let name = image.split('@')[0] ?? image;
	name = name.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
	return name;
}

export function formatPorts(ports: readonly ApiPort[] | undefined): string {
	const all = list<ApiPort>(ports).filter((port) => port && typeof port === 'object');
	if (!all.length) return '';
	return all
		.map((port) => {
			const proto = port.Protocol ?? 'tcp';
			const published = port.PublishedPort ? String(port.PublishedPort) : '';
			const host = port.PublishMode === 'host' ? 'host:' : '*:';
			return published ? `${host}${published}->${port.TargetPort ?? '?'}/${proto}` : `${port.TargetPort ?? '?'}/${proto}`;
		})
		.join(',');
}

export function capitalize(text: string): string {
	return typeof text === 'string' && text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

/** Natural order, as `docker node ls` sorts host names: node2 before node10. */
export const naturalCompare = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'}).compare;
