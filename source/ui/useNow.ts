import {useEffect, useState} from 'react';

/** The current time, refreshed every `every` ms, for ages like "5 minutes ago". */
export function useNow(every = 1000, clock: () => number = Date.now): number {
	const [now, setNow] = useState(clock);
	useEffect(() => {
		const timer = setInterval(() => setNow(clock()), every);
		return () => clearInterval(timer);
	}, [every, clock]);
	return now;
}
