import { tractorWebpackConfig } from '../../webpack.config.base.js';

export default (_env, argv) =>
  tractorWebpackConfig({ name: 'decide', dirname: import.meta.dirname, port: 9002 }, argv);
