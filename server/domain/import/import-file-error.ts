import { DomainError } from '../errors';

/** A file the import cannot read at all (as opposed to bad rows, which go into the report). */
export class ImportFileError extends DomainError {
  constructor(message: string) {
    super('BAD_REQUEST', message);
  }
}
