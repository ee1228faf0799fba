import figures from 'figures';
import {Box, Text} from 'ink';
import {confirmWindow, type Dialog, dialogError} from './dialog.js';
import {fit, sanitize} from './text.js';
import {useTheme} from './theme.js';

export function DialogBox({dialog, width}: {dialog: Dialog; width: number}) {
	const theme = useTheme();
	const inner = Math.max(10, width - 4);
	const error = dialogError(dialog);
	const window = dialog.kind === 'confirm' ? confirmWindow(dialog) : undefined;
	const lines = window?.paged ? (dialog.lines ?? []).slice(window.offset, window.offset + window.page) : (dialog.lines ?? []);
	const field = (value: string, fresh: boolean) => (
		<Text>
			<Text color={theme.key}>{'> '}</Text>
			<Text inverse={fresh}>{fit(sanitize(value), Math.min(inner - 3, Math.max(1, value.length))).trimEnd()}</Text>
			<Text>{fresh ? '' : '█'}</Text>
		</Text>
	);
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.focusBorder} width={width} paddingX={1}>
			{/* Wrapped, not cut: what a confirmation says is what the operator agrees to. */}
			<Text bold color={theme.title} wrap="wrap">
				{sanitize(dialog.title)}
			</Text>
			{lines.map((line, i) => (
				<Text key={`l${i}`} wrap="wrap">
					{sanitize(line)}
				</Text>
			))}
			{(dialog.warnings ?? []).map((line, i) => (
				<Text key={`w${i}`} color={theme.warn} wrap="wrap">
					{figures.warning} {sanitize(line)}
				</Text>
			))}
			{window?.paged ? (
				<Text color={theme.dim} wrap="wrap">
					{`lines ${window.offset + 1}–${window.offset + lines.length} of ${window.total}`}
				</Text>
			) : null}
			{dialog.kind === 'prompt' ? field(dialog.secret ? '•'.repeat(Math.min(dialog.value.length, 40)) : dialog.value, dialog.fresh) : null}
			{dialog.kind === 'type' ? field(dialog.value, false) : null}
			{dialog.kind === 'prompt' && dialog.hint?.(dialog.value) ? (
				<Text color={theme.dim} wrap="truncate">
					{sanitize(dialog.hint(dialog.value))}
				</Text>
			) : null}
			{error ? (
				<Text color={theme.error} wrap="truncate">
					{figures.cross} {error}
				</Text>
			) : null}
			<Text color={dialog.kind === 'confirm' && dialog.unseen ? theme.warn : theme.dim} wrap="wrap">
				{dialog.kind === 'confirm'
					? window?.paged && !window.seen
						? 'space or ↓ shows more, ↑ goes back; y confirms once every line has been shown; other keys cancel'
						: window?.paged
							? 'y confirms, ↑ goes back, any other key cancels'
							: 'y confirms, any other key cancels'
					: dialog.kind === 'type'
						? `type ${dialog.expected} and ⏎ to confirm, Esc cancels`
						: dialog.fresh
							? '⏎ applies, Esc cancels, typing replaces the value'
							: '⏎ applies, Esc cancels, Ctrl-U clears'}
			</Text>
		</Box>
	);
}
