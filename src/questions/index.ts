/** The questions folder's front door: what other folders may use. */
export { QuestionsModule } from './questions.module.js';
