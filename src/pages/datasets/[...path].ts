// The files of datasets/ served by the site (built into dist/datasets/), for loadDataset in the page.
import type { APIRoute } from 'astro';
import { repoFolder } from '../../site/repo-files.ts';

const datasets = repoFolder('datasets');
export const getStaticPaths = () => datasets.paths();
export const GET: APIRoute = ({ params }) => datasets.read(params.path!);
