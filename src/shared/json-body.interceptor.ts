import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { InvalidFields } from '../kernel/index.js';

/** No command is deeper than a few levels: deeper JSON is refused before anything recurses into it. */
const MAX_JSON_DEPTH = 16;

/** With the `u` flag a string is read by code points: only a surrogate without its pair is one. */
const LONE_SURROGATE = /\p{Cs}/u;

interface JsonFault {
  readonly field: string;
  readonly problem: string;
}

/**
 * Checks every parsed request body once, before any pipe, param decorator or handler sees it:
 * JSON may carry what no JavaScript consumer can take (a lone UTF-16 surrogate makes canonical
 * JSON and hashing throw; thousands of nested levels overflow the stack of any recursive walk,
 * such as class-transformer's). Both answer 400 naming the field, on every route.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const fault = findJsonFault(context.switchToHttp().getRequest<{ body?: unknown }>().body);
      if (fault) throw new InvalidFields([{ field: fault.field, detail: fault.problem }]);
    }
    return next.handle();
  }
}

/** Walks the value without recursion, so that no depth can overflow the walk itself. */
function findJsonFault(body: unknown): JsonFault | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      return { field: path || '(body)', problem: `${path || 'the body'} holds a lone UTF-16 surrogate` };
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      return { field: path, problem: `the body is nested more than ${MAX_JSON_DEPTH} levels deep` };
    }
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (LONE_SURROGATE.test(key)) {
        return { field: JSON.stringify(field).slice(1, -1), problem: 'a field name holds a lone UTF-16 surrogate' };
      }
      pending.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return undefined;
}
