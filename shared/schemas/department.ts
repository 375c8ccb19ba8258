import { z } from 'zod';
import { idSchema, instantSchema, textSchema } from './common';

/** A department (部门): the owning department of customers and the team a manager sees. */
export const departmentNameSchema = textSchema(100).min(1, 'name is required');

export const departmentSchema = z.object({
  id: idSchema,
  name: departmentNameSchema,
  updatedAt: instantSchema,
  version: z.number().int().nonnegative(),
});
export type Department = z.infer<typeof departmentSchema>;
