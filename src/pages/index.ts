/** The pages folder's front door: what other folders may use. */
export { LivePagePresenter } from './live-page.presenter.js';
export { PageCache } from './page-cache.js';
export { type PageHead, pageHelpers } from './page-helpers.js';
export { notFound } from './pages.controller.js';
export { PagesModule } from './pages.module.js';
export { configurePages, securityHeaders } from './pages.setup.js';
export { readerPageFastPath } from './reader-page-fast-path.js';
export { SignedInPage } from './signed-in-page.js';
