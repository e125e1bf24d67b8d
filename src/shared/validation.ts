import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldProblem, InvalidFields } from '../kernel/index.js';

/** whitelist + forbidNonWhitelisted; a 400 names every field at fault (`updates.0.body`, `dead.count`). */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new InvalidFields(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = Object.values(error.constraints ?? {}).map((detail) => ({ field, detail }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}
