import { Fragment } from 'preact';
import { t, type MessageKey } from '../../i18n';
import { labelOf, readPath, type FieldSpec } from '../forms/field-spec';
import { formatDate, formatNumber, safeHref } from '../format';

/** An enum value in the UI language (`enum.valueTier.strategic` → 战略客户). */
export function enumText(enumName: string, value: string | number): string {
  return t(`enum.${enumName}.${value}` as MessageKey);
}

/** A select's value as shown: a translated enum, a record's label, or the value itself. */
export function optionText(spec: FieldSpec, value: string | number): string {
  if (spec.enumName) return enumText(spec.enumName, value);
  return spec.optionLabels?.[String(value)] ?? String(value);
}

/** One stored value as text (never markup); a website becomes a link only if it is http(s). */
export function FieldValue({ spec, value }: { spec: FieldSpec; value: unknown }) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <span class="muted-inline">{t('file.notSet')}</span>;
  }
  switch (spec.kind) {
    case 'boolean':
      return <>{value ? t('file.yes') : t('file.no')}</>;
    case 'select':
      return <>{optionText(spec, value as string)}</>;
    case 'number':
      return <>{formatNumber(value as number)}</>;
    case 'date':
      return <>{formatDate(value as string)}</>;
    case 'list':
      return <>{(value as string[]).join(', ')}</>;
    case 'website': {
      const href = safeHref(value as string);
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {value as string}
        </a>
      ) : (
        <>{value as string}</>
      );
    }
    default:
      return <span class="pre">{String(value)}</span>;
  }
}

/** A section's fields as label / value pairs. */
export function FieldList({ specs, record }: { specs: readonly FieldSpec[]; record: unknown }) {
  return (
    <dl class="facts">
      {specs.map((spec) => (
        <Fragment key={spec.path}>
          <dt>{labelOf(spec)}</dt>
          <dd data-field={spec.path}>
            <FieldValue spec={spec} value={readPath(record, spec.path)} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
