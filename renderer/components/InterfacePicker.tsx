/**
 * The Add form's Interface field: a combobox whose typed text filters the interfaces
 * (alias, description, index, MAC) and chooses one only when it names it in full.
 * Fluent's Combobox highlights the first option that starts with the typed text, so
 * Enter would take "Ethernet 10" for "Ethernet 1"; here the highlight after typing is
 * the interface named in full or none, and only a person's arrow keys or click move it.
 */
import {
  Caption1,
  Field,
  makeStyles,
  Option,
  renderCombobox_unstable,
  tokens,
  useComboboxContextValues,
  useComboboxStyles_unstable,
  useCombobox_unstable,
  useId,
  type ComboboxProps,
  type ComboboxState,
} from '@fluentui/react-components';
import { forwardRef, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { interfaceNamedBy, searchInterfaces } from '../../app/interface-search';
import { interfaceLabel, type Family, type Luid, type NetworkInterface } from '../../app/model';
import { pluralize } from '../format';
import { choiceProblem, choiceWarning, unavailableReason } from '../interfaceChoice';
import { StackBadges } from './StackBadges';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  combobox: { minWidth: 0, width: '100%' },
  // A short list that scrolls, whatever the number of interfaces: typing narrows it. At most
  // under half the window, so it fits above or below the field wherever the field is.
  listbox: { maxHeight: 'min(320px, 45vh)' },
  more: { display: 'block', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground3 },
});

type Controller = ComboboxState['activeDescendantController'];

/** Enough to scroll through on a typical machine; on a large one, typing narrows the list instead. */
export const PICKER_LIST_LIMIT = 50;

/** Fluent's Combobox, with its active-option controller handed out so the picker can decide the highlight. */
const GuardedCombobox = forwardRef<HTMLInputElement, ComboboxProps & { controllerRef: Ref<Controller> }>(
  function GuardedCombobox({ controllerRef, ...props }, ref) {
    const state = useCombobox_unstable(props, ref);
    useImperativeHandle(controllerRef, () => state.activeDescendantController, [state.activeDescendantController]);
    const contextValues = useComboboxContextValues(state);
    useComboboxStyles_unstable(state);
    return renderCombobox_unstable(state, contextValues);
  },
);

interface InterfacePickerProps {
  interfaces: NetworkInterface[];
  /** Family of the typed address, when it is valid; decides which interfaces qualify. */
  family: Family | null;
  value: NetworkInterface | null;
  /** A new choice, or null when the typed text no longer names one. */
  onChange: (luid: Luid | null) => void;
  /** The user tried to add without choosing. */
  showRequired: boolean;
  /** Guidance shown while nothing is wrong, such as what to do next. */
  hint?: string;
}

export function InterfacePicker({ interfaces, family, value, onChange, showRequired, hint }: InterfacePickerProps) {
  const styles = useStyles();
  const optionIdBase = useId('interface-option');
  const controller = useRef<Controller>(null);
  // What the person has typed since the last choice; null shows the chosen interface's label.
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const matches = useMemo(() => searchInterfaces(interfaces, typed ?? ''), [interfaces, typed]);
  const named = typed === null ? null : interfaceNamedBy(interfaces, typed);
  const optionId = (iface: NetworkInterface) => `${optionIdBase}-${iface.luid}`;

  // A choice made elsewhere (the interface table) replaces half-typed text with its label.
  const [seenLuid, setSeenLuid] = useState(value?.luid ?? null);
  if ((value?.luid ?? null) !== seenLuid) {
    setSeenLuid(value?.luid ?? null);
    if (value && value.luid !== named?.luid) setTyped(null);
  }

  // After each keystroke, highlight the interface named in full, or nothing: never a near miss.
  const namedOptionId = named ? optionId(named) : null;
  useLayoutEffect(() => {
    if (typed === null) return;
    if (namedOptionId) controller.current?.focus(namedOptionId);
    else controller.current?.blur();
  }, [typed, namedOptionId]);

  const type = (text: string) => {
    setTyped(text);
    // Pasted text narrows the list too; Fluent opens it only for a typed key.
    setOpen(true);
    const luid = interfaceNamedBy(interfaces, text)?.luid ?? null;
    if (luid !== (value?.luid ?? null)) onChange(luid);
  };

  const unmatched = typed !== null && typed.trim() !== '' && named === null;
  const problem = value
    ? choiceProblem(value, family)
    : unmatched && !open
      ? `No interface is named “${typed.trim()}”. Choose one from the list, or type its name in full.`
      : showRequired
        ? 'Choose the interface to add the address to.'
        : null;
  const warning = value && !problem ? choiceWarning(value) : null;
  const searching = unmatched && open
    ? matches.length > 0
      ? `${pluralize(matches.length, 'interface matches', 'interfaces match')}: choose one with the arrow keys and Enter, or type a name in full.`
      : `No interface matches “${typed.trim()}”.`
    : undefined;

  return (
    <Field
      label="Interface"
      validationState={problem ? 'error' : warning ? 'warning' : 'none'}
      validationMessage={problem ?? warning ?? undefined}
      hint={searching ?? hint}
    >
      <GuardedCombobox
        controllerRef={controller}
        className={styles.combobox}
        listbox={{ className: styles.listbox }}
        // Sized by the class above: Fluent's auto-size would stretch the list to all the room below or above.
        positioning={{ autoSize: false }}
        // The field opens with Alt+Down or a click; a second tab stop for its chevron would sit between it and Add.
        expandIcon={{ tabIndex: -1 }}
        aria-required
        freeform
        // No option is highlighted just because the list opened or narrowed: Enter must not guess.
        disableAutoFocus
        placeholder={interfaces.length ? 'Type or choose an interface' : 'No interfaces found'}
        value={typed ?? (value ? interfaceLabel(value) : '')}
        selectedOptions={value ? [value.luid] : []}
        onChange={(event) => type(event.target.value)}
        onFocus={(event) => event.target.select()}
        onBlur={() => {
          if (typed !== null && (named !== null || typed.trim() === '')) setTyped(null);
        }}
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        onOptionSelect={(_, data) => {
          if (!data.optionValue) return;
          setTyped(null);
          onChange(data.optionValue);
        }}
      >
        {matches.slice(0, PICKER_LIST_LIMIT).map((iface) => {
          const reason = unavailableReason(iface, family);
          return (
            <Option key={iface.luid} id={optionId(iface)} value={iface.luid} text={interfaceLabel(iface)} disabled={reason !== null}>
              <span className={styles.option}>
                <span className={styles.title}>
                  <span className={styles.name}>{interfaceLabel(iface)}</span>
                  <StackBadges iface={iface} />
                </span>
                <Caption1 className={styles.meta}>
                  {reason ?? [iface.description, iface.mac].filter(Boolean).join(' · ')}
                </Caption1>
              </span>
            </Option>
          );
        })}
        {matches.length > PICKER_LIST_LIMIT && (
          <Caption1 className={styles.more}>
            {matches.length - PICKER_LIST_LIMIT} more: type part of a name, an index or a MAC to narrow the list.
          </Caption1>
        )}
        {matches.length === 0 && typed !== null && (
          <Option aria-disabled="true" disabled text="" value="">
            No interface matches “{typed.trim()}”
          </Option>
        )}
      </GuardedCombobox>
    </Field>
  );
}
