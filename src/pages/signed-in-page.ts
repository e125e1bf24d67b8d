import { applyDecorators, SetMetadata, UseFilters } from '@nestjs/common';
import { PAGE_KEY, ROLES_KEY } from '../auth/index.js';
import type { Role } from '../kernel/index.js';
import { PageAuthFilter } from './page-auth.filter.js';

/**
 * A page for signed-in accounts with one of these roles (or admin): without a session the browser
 * is sent to /signin and back afterwards; with the wrong role it gets a page saying so.
 */
export const SignedInPage = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), SetMetadata(PAGE_KEY, true), UseFilters(PageAuthFilter));
