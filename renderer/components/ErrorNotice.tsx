import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AppError } from '../../app/model';

/** A failed reply inside a dialog: the same words as the error dialog, without stacking a second modal. */
export function ErrorNotice({ error }: { error: AppError }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.what} {error.todo} ({error.code} {error.symbol})
      </MessageBarBody>
    </MessageBar>
  );
}
