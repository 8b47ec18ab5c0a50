// Team Inspire's module (@tractor/inspire in the import map). Importing it defines Inspire's fragment,
// <inspire-recommendations>; Inspire has no pages of its own.
import './views/inspire-recommendations.js';
