// The engine's answers are typed by us, not by the engine: these make a field that came
// as the wrong type read as absent, so a hostile or buggy payload cannot crash a view.
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
export const list = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
export const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
