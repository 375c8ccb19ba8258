import { z } from 'zod';
import { idSchema, instantSchema, textSchema } from './common';

/**
 * Custom fields an admin defines per organisation (issue 3). The definition is replicated so the
 * sidebar can render and check values offline; the server checks them again on every write.
 */
export const customFieldTypeSchema = z.enum(['text', 'number', 'date', 'select', 'boolean']);
export type CustomFieldType = z.infer<typeof customFieldTypeSchema>;

/** Stable machine key (the label may change, the key never does): `contract_no`, `erp_id`. */
export const customFieldKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must start with a-z and use only a-z, 0-9 and _ (at most 40)');

export const customFieldDefinitionFieldsSchema = z.object({
  key: customFieldKeySchema,
  label: textSchema(100).min(1, 'label is required'),
  type: customFieldTypeSchema,
  /** The choices of a select field. */
  options: z.array(textSchema(100).min(1)).max(100),
  position: z.number().int().min(0).max(10_000),
});

export const customFieldDefinitionSchema = customFieldDefinitionFieldsSchema.extend({
  id: idSchema,
  updatedAt: instantSchema,
  version: z.number().int().nonnegative(),
});
export type CustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>;

export const customFieldDefinitionSaveSchema = customFieldDefinitionFieldsSchema
  .extend({ id: idSchema, options: customFieldDefinitionFieldsSchema.shape.options.default([]) })
  .refine((d) => d.type !== 'select' || d.options.length > 0, {
    message: 'a select field needs at least one option',
    path: ['options'],
  });
export type CustomFieldDefinitionSave = z.infer<typeof customFieldDefinitionSaveSchema>;

/** Values by key; null in a patch removes the value. Types are checked against the definitions. */
export const customFieldValueSchema = z.union([textSchema(2000), z.number().finite(), z.boolean()]).nullable();
export const customFieldValuesSchema = z
  .record(customFieldKeySchema, customFieldValueSchema)
  .refine((values) => Object.keys(values).length <= 100, 'at most 100 custom fields');
export type CustomFieldValues = z.infer<typeof customFieldValuesSchema>;

/** Why a value does not fit its definition, or null when it does (the same check on both sides). */
export function customFieldProblem(
  key: string,
  value: z.infer<typeof customFieldValueSchema>,
  definitions: readonly Pick<CustomFieldDefinition, 'key' | 'type' | 'options'>[],
): string | null {
  const definition = definitions.find((d) => d.key === key);
  if (!definition) return `custom field "${key}" is not defined`;
  if (value === null) return null;
  switch (definition.type) {
    case 'text':
      return typeof value === 'string' ? null : `custom field "${key}" must be text`;
    case 'number':
      return typeof value === 'number' ? null : `custom field "${key}" must be a number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `custom field "${key}" must be yes or no`;
    case 'date':
      return typeof value === 'string' && z.iso.date().safeParse(value).success
        ? null
        : `custom field "${key}" must be a date (YYYY-MM-DD)`;
    case 'select':
      return typeof value === 'string' && definition.options.includes(value)
        ? null
        : `custom field "${key}" must be one of: ${definition.options.join(', ')}`;
  }
}
