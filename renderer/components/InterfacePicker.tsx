import { Caption1, Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { interfaceLabel, type Family, type Luid, type NetworkInterface } from '../../app/model';
import { choiceProblem, choiceWarning, unavailableReason } from '../interfaceChoice';
import { StackBadges } from './StackBadges';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  meta: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  reason: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: 0, width: '100%' },
});

interface InterfacePickerProps {
  interfaces: NetworkInterface[];
  /** Family of the typed address, when it is valid; decides which interfaces qualify. */
  family: Family | null;
  value: NetworkInterface | null;
  onChange: (luid: Luid) => void;
  /** The user tried to add without choosing. */
  showRequired: boolean;
  /** Guidance shown while nothing is wrong, such as what to do next. */
  hint?: string;
}

export function InterfacePicker({ interfaces, family, value, onChange, showRequired, hint }: InterfacePickerProps) {
  const styles = useStyles();
  const problem = value ? choiceProblem(value, family) : showRequired ? 'Choose the interface to add the address to.' : null;
  const warning = value && !problem ? choiceWarning(value) : null;
  return (
    <Field
      label="Interface"
      validationState={problem ? 'error' : warning ? 'warning' : 'none'}
      validationMessage={problem ?? warning ?? undefined}
      hint={hint}
    >
      <Dropdown
        className={styles.dropdown}
        aria-required
        placeholder={interfaces.length ? 'Choose an interface' : 'No interfaces found'}
        value={value ? interfaceLabel(value) : ''}
        selectedOptions={value ? [value.luid] : []}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
      >
        {interfaces.map((iface) => {
          const reason = unavailableReason(iface, family);
          return (
            <Option key={iface.luid} value={iface.luid} text={interfaceLabel(iface)} disabled={reason !== null}>
              <span className={styles.option}>
                <span className={styles.name}>{interfaceLabel(iface)}</span>
                <span className={styles.meta}>
                  <StackBadges iface={iface} />
                  {reason && <Caption1 className={styles.reason}>— {reason}</Caption1>}
                </span>
              </span>
            </Option>
          );
        })}
      </Dropdown>
    </Field>
  );
}
