// Prints the README's key tables from the registry (npm run readme-keys): paste them
// between <!-- keys:start --> and <!-- keys:end -->; a unit test checks they agree.
import {keyTables} from '../source/ui/keyhelp.js';
import {commands} from '../source/ui/views/registry.js';

process.stdout.write(`${keyTables(commands.map((c) => c.names[0]).join(' '))}\n`);
