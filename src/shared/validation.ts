import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

interface FieldError {
  readonly field: string;
  readonly problems: string[];
}

/** whitelist + forbidNonWhitelisted; a 400 names every field at fault (`updates.0.body`, `dead.count`). */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((error) => error.problems.join('; ')).join('; ') || 'the request body is invalid';
      return new BadRequestException({ message, details: { fields } });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}
