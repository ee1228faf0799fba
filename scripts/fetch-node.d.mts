// Types of scripts/fetch-node.mjs, for the tests that use the Node binaries it fetches.
export type NodeBinary = {name: string; version: string};
export const nodeDir: string;
export const wanted: NodeBinary[];
export function binaryOf(binary: NodeBinary | undefined): string;
export function fetchNodes(): void;
