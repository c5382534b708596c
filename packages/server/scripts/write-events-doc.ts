import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderEventsMarkdown } from '../src/http/serializers/event-catalogue-markdown.js';

// Writes docs/events.md from the event catalogue (test/event-catalogue.test.ts checks it is current).
const target = fileURLToPath(new URL('../../../docs/events.md', import.meta.url));
await writeFile(target, renderEventsMarkdown());
console.log(`wrote ${target}`);
