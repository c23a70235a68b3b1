// The models the lab ships (models/), served so that loadShippedModel works in the page.
import type { APIRoute } from 'astro';
import { repoFolder } from '../../site/repo-files.ts';

const models = repoFolder('models');
export const getStaticPaths = () => models.paths();
export const GET: APIRoute = ({ params }) => models.read(params.path!);
