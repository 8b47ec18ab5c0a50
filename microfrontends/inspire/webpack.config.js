import { tractorWebpackConfig } from '../../webpack.config.base.js';

// Everything but the name comes from the shared factory and the team registry (pages, dev port).
export default (env, argv) =>
  tractorWebpackConfig({ name: 'inspire', dirname: import.meta.dirname }, argv, env);
