import { tractorWebpackConfig } from '../../webpack.config.base.js';

/** Checkout's pages, for its standalone page (`npm run dev:checkout`). */
const pages = [
  { name: 'cart', path: '/checkout/cart', exact: true, label: 'Basket' },
  { name: 'checkout', path: '/checkout/checkout', exact: true, label: 'Checkout' },
  { name: 'thanks', path: '/checkout/thanks', exact: true, label: 'Thanks' },
];

export default (env, argv) =>
  tractorWebpackConfig(
    { name: 'checkout', dirname: import.meta.dirname, port: Number(process.env.DEV_PORT ?? 9003), pages },
    argv,
    env,
  );
