import { AppError } from "../errors";

/** A request that passed its schema but not the store's checks, naming the field at fault. */
export function invalidField(path: string, message: string): AppError {
  return new AppError("validation_failed", `${path} ${message}.`, [{ path, message }]);
}

/** A request that clashes with what is stored (a name in use, a record still referenced). */
export function conflictingField(path: string, message: string): AppError {
  return new AppError("conflict", `${path} ${message}.`, [{ path, message }]);
}
