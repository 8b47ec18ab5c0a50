import { tractorWebpackConfig } from '../../webpack.config.base.js';

/** Decide's pages, for its standalone page (`npm run dev:decide`). */
const pages = [
  { name: 'product', path: '/product/:id', exact: true, label: 'Product CL-01', example: '/product/CL-01' },
];

export default (env, argv) =>
  tractorWebpackConfig(
    { name: 'decide', dirname: import.meta.dirname, port: Number(process.env.DEV_PORT ?? 9002), pages },
    argv,
    env,
  );
