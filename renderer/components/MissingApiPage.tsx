import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { PlugDisconnected28Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  page: { display: 'grid', placeItems: 'center', minHeight: '100vh', padding: tokens.spacingHorizontalXXL, boxSizing: 'border-box' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  icon: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3, padding: '0 4px', borderRadius: tokens.borderRadiusSmall },
});

/** Shown when the page was opened on its own, without Electron's preload or the preview server behind it. */
export function MissingApiPage() {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <div className={styles.panel} role="alert">
        <PlugDisconnected28Regular className={styles.icon} aria-hidden="true" />
        <Subtitle1 as="h1" className={styles.heading}>
          Anycast Manager is not connected
        </Subtitle1>
        <Body1>
          This page is only the window of Anycast Manager. It was opened without the part of the app that talks to Windows, so
          it cannot show or change anything.
        </Body1>
        <Body1>
          Start the app with <code className={styles.code}>npm start</code> in the project folder (or open the installed Anycast Manager) and use the
          window it opens.
        </Body1>
        <Body1>
          In the browser preview, open the whole address that <code className={styles.code}>npm start</code> printed, including the part after
          #: it is the key to that preview.
        </Body1>
      </div>
    </main>
  );
}
