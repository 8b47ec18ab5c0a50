import { tractorWebpackConfig } from '../../webpack.config.base.js';

export default (_env, argv) =>
  tractorWebpackConfig({ name: 'checkout', dirname: import.meta.dirname, port: 9003 }, argv);
