import { tractorWebpackConfig } from '../../webpack.config.base.js';

export default (_env, argv) =>
  tractorWebpackConfig({ name: 'explore', dirname: import.meta.dirname, port: 9001 }, argv);
