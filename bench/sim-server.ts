// Runs a simulated engine in its own process: tsx bench/sim-server.ts SOCKET NODES SERVICES TASKS
import {SimEngine} from './sim.js';

const [socket, nodes, services, tasks] = process.argv.slice(2);
if (!socket) throw new Error('usage: sim-server SOCKET NODES SERVICES TASKS');
const sim = new SimEngine({nodes: Number(nodes ?? 3), services: Number(services ?? 10), tasks: Number(tasks ?? 50)});
await sim.listen(socket);
process.stdout.write('ready\n');
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
