import { tractorWebpackConfig } from '../../webpack.config.base.js';

/** Explore's pages, for its standalone page (`npm run dev:explore`). */
const pages = [
  { name: 'home', path: '/', exact: true, label: 'Home' },
  { name: 'category', path: '/products', label: 'Machines', example: '/products' },
  { name: 'stores', path: '/stores', exact: true, label: 'Stores' },
];

export default (env, argv) =>
  tractorWebpackConfig(
    { name: 'explore', dirname: import.meta.dirname, port: Number(process.env.DEV_PORT ?? 9001), pages },
    argv,
    env,
  );
