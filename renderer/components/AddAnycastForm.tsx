/**
 * The add form: validates the address as it is typed (the same rules as the API),
 * offers only interfaces with the needed stack, and sends the canonical address
 * with the interface's LUID and index.
 */
import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  shorthands,
  Spinner,
  Subtitle2,
  tokens,
  useMergedRefs,
} from '@fluentui/react-components';
import { Add20Regular, Info16Regular, ShieldError20Regular } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { validateAnycastAddress, type AddressCheck } from '../../app/address-validation';
import type { AnycastKey } from '../../app/ipc-contract';
import { interfaceLabel, type Luid, type NetworkInterface } from '../../app/model';
import { choiceProblem, zoneMismatch } from '../interfaceChoice';
import { InterfacePicker } from './InterfacePicker';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  address: { fontFamily: tokens.fontFamilyMonospace },
  // Contrast themes replace the red border with the text colour; a thicker dashed one still says "error".
  addressInvalid: { '@media (forced-colors: active)': { ...shorthands.borderStyle('dashed'), ...shorthands.borderWidth('2px') } },
  // The margin keeps Add off the window's very edge when it is scrolled into view.
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, scrollMarginBottom: tokens.spacingVerticalL },
  // Beside Add, so the warning costs no height of its own on a short window.
  elevation: { display: 'flex', gap: tokens.spacingHorizontalXS, minWidth: 0, color: tokens.colorPaletteDarkOrangeForeground1 },
  footnote: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  footIcon: { flexShrink: 0, marginTop: '2px' },
});

const ADDRESS_HINT = 'An IPv4 address such as 192.0.2.10, or an IPv6 address such as 2001:db8::10.';

interface AddAnycastFormProps {
  interfaces: NetworkInterface[];
  /** The interface selected in the interface table; the picker follows it. */
  preferredLuid: Luid | null;
  /** False when the app is not elevated: the add will be refused, so say so before the user tries. */
  elevated: boolean;
  /** Resolves true when the address was added. Errors are reported by the caller. */
  onAdd: (key: AnycastKey, iface: NetworkInterface) => Promise<boolean>;
  addressRef?: Ref<HTMLInputElement>;
}

export function AddAnycastForm({ interfaces, preferredLuid, elevated, onAdd, addressRef }: AddAnycastFormProps) {
  const styles = useStyles();
  const headingId = useId();
  const [text, setText] = useState('');
  // "Enter an address" is only worth saying once the user has typed and cleared, or tried to add.
  const [dirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [chosenLuid, setChosenLuid] = useState<Luid | null>(preferredLuid);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const mergedInputRef = useMergedRefs(inputRef, addressRef);

  // Follow a new selection in the interface table; picking "All interfaces" keeps the choice.
  const [seenPreferred, setSeenPreferred] = useState(preferredLuid);
  if (preferredLuid !== seenPreferred) {
    setSeenPreferred(preferredLuid);
    if (preferredLuid !== null) setChosenLuid(preferredLuid);
  }

  const check = useMemo(() => validateAnycastAddress(text), [text]);
  const family = check.ok ? check.family : null;
  const chosen = interfaces.find((i) => i.luid === chosenLuid) ?? null;
  const ready = check.ok && chosen !== null && choiceProblem(chosen, family) === null;
  const zoneInterface = check.ok ? zoneMismatch(text, chosen, interfaces) : null;

  // A message that appears under a field pushes Add down; on a short window keep it in view
  // while the person works in the form, without losing the field they are in.
  const feedback = addressFeedback(check, dirty || attempted, text);
  const messages = `${feedback.validationMessage ?? ''}|${feedback.hint ?? ''}|${chosen?.luid ?? ''}|${attempted}|${elevated}`;
  useEffect(() => keepInView(formRef.current, actionsRef.current), [messages]);

  const submit = async () => {
    setAttempted(true);
    if (!ready || busy || !check.ok || !chosen) return;
    setBusy(true);
    const added = await onAdd({ address: check.address, interfaceLuid: chosen.luid, interfaceIndex: chosen.index }, chosen);
    setBusy(false);
    if (!added) return;
    setText('');
    setDirty(false);
    setAttempted(false);
    inputRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  // A disabled submit button blocks implicit submission, so Enter would otherwise do nothing visible.
  const onAddressKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !ready) {
      event.preventDefault();
      setAttempted(true);
    }
  };

  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        Add anycast address
      </Subtitle2>
      <form
        ref={formRef}
        className={styles.form}
        onFocus={() => keepInView(formRef.current, actionsRef.current)}
        onSubmit={onSubmit}
        noValidate
        aria-labelledby={headingId}
      >
        <Field label="Address" {...feedback}>
          <Input
            ref={mergedInputRef}
            // Required without Field's asterisk, which would become part of the label text.
            required
            className={mergeClasses(styles.address, feedback.validationState === 'error' && styles.addressInvalid)}
            value={text}
            onChange={(_, data) => {
              setText(data.value);
              setDirty(true);
            }}
            onKeyDown={onAddressKeyDown}
            autoComplete="off"
            // No placeholder: the hint gives examples, and a grey address in the box reads as one already typed.
            spellCheck={false}
          />
        </Field>
        <InterfacePicker
          interfaces={interfaces}
          family={family}
          value={chosen}
          onChange={setChosenLuid}
          showRequired={attempted && chosen === null}
          // Add stays disabled until an interface is chosen; say so rather than leave it unexplained.
          hint={check.ok && chosen === null ? `Choose the interface for ${check.address}, then select Add.` : undefined}
        />
        {zoneInterface && chosen && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              %{zoneInterface.index} is {interfaceLabel(zoneInterface)}, but {interfaceLabel(chosen)} is chosen. Windows ignores the
              zone: the address goes on the interface chosen here.
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setChosenLuid(zoneInterface.luid)}>
                Use {zoneInterface.alias}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <div className={styles.actions} ref={actionsRef}>
          <Button
            type="submit"
            appearance="primary"
            icon={busy ? <Spinner size="extra-tiny" appearance="inverted" /> : <Add20Regular />}
            disabled={!ready || busy}
            // Keep focus on the button while the request runs, so an error dialog can hand it back.
            disabledFocusable={busy}
          >
            Add
          </Button>
          {busy && <Caption1 role="status">Adding {check.ok ? check.address : ''}…</Caption1>}
          {!elevated && !busy && (
            <Caption1 className={styles.elevation}>
              <ShieldError20Regular className={styles.footIcon} aria-hidden="true" />
              Not elevated: Windows will refuse this with “Access denied”.
            </Caption1>
          )}
        </div>
      </form>
      <Caption1 className={styles.footnote}>
        <Info16Regular className={styles.footIcon} aria-hidden="true" />
        Anycast addresses added here last until Windows restarts: the API does not store them permanently. Use Saved set to re-apply them after a restart.
      </Caption1>
    </Card>
  );
}

/** While focus is in the form, scrolls the Add row into view, then the focused field if that hid it. */
function keepInView(form: HTMLFormElement | null, actions: HTMLElement | null) {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !form?.contains(focused)) return;
  actions?.scrollIntoView({ block: 'nearest' });
  if (focused.getBoundingClientRect().top < 0) focused.scrollIntoView({ block: 'nearest' });
}

/** The Address field's message: the refusal as an error, warnings as a warning, notes as the hint. */
function addressFeedback(check: AddressCheck, touched: boolean, text: string) {
  if (!check.ok) {
    if (check.problem === 'empty' && !touched) return { hint: ADDRESS_HINT };
    return { validationState: 'error' as const, validationMessage: check.reason };
  }
  const canonical = check.address !== text.trim() ? `Will be added as ${check.address}.` : '';
  const hint = [...check.notes, canonical].filter(Boolean).join(' ') || ADDRESS_HINT;
  if (check.warnings.length > 0) return { validationState: 'warning' as const, validationMessage: check.warnings.join(' '), hint };
  return { hint };
}
