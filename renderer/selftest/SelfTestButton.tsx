/** The header's "Check this computer" button and the dialog it opens, kept apart from the main screen's state. */
import { Button, Tooltip } from '@fluentui/react-components';
import { Stethoscope20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { NetworkInterface } from '../../app/model';
import type { Dispatcher } from '../state/dispatcher';
import { SelfTestDialog } from './SelfTestDialog';

export function SelfTestButton({ dispatcher, interfaces }: { dispatcher: Dispatcher; interfaces: NetworkInterface[] }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <>
      <Tooltip content="Check what this computer's Windows offers the app, for a ticket" relationship="description">
        <Button ref={buttonRef} appearance="subtle" icon={<Stethoscope20Regular />} onClick={() => setOpen(true)}>
          Check this computer
        </Button>
      </Tooltip>
      {open && <SelfTestDialog dispatcher={dispatcher} interfaces={interfaces} onClose={close} />}
    </>
  );
}
