// Built once into dist/editor-types.json; fetched when the learner opens the first editor.
import type { APIRoute } from 'astro';
import { editorTypes } from '../site/editor-types.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(editorTypes()), { headers: { 'content-type': 'application/json' } });
