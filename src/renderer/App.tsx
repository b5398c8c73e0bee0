import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, ThemeChoice } from '../shared/api';
import { api } from './bridge';
import { CommandProvider, useCommand, useCommands } from './commands';
import { CommandPalette } from './components/CommandPalette';
import { CheatSheet } from './components/CheatSheet';
import { StatusBar } from './components/StatusBar';
import { NavBar, type Route } from './components/NavBar';
import { WorklistView } from './views/worklist/WorklistView';
import { ChartView } from './views/chart/ChartView';
import { EncoderView } from './views/encoder/EncoderView';
import { SettingsView } from './views/settings/SettingsView';
import { useSyncStatus } from './hooks/useSyncStatus';

export function App() {
  return (
    <CommandProvider>
      <Shell />
    </CommandProvider>
  );
}

const THEME_ORDER: ThemeChoice[] = ['system', 'light', 'dark'];

function Shell() {
  const [route, setRoute] = useState<Route>({ view: 'worklist' });
  const [lastChart, setLastChart] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<'palette' | 'cheatsheet' | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [theme, setTheme] = useState<ThemeChoice>('system');
  const [encoderFocus, setEncoderFocus] = useState(0);
  const { bindings } = useCommands();
  const sync = useSyncStatus();

  const [fatal, setFatal] = useState<string | null>(null);
  useEffect(() => {
    if (!fatal) return;
    const timer = setTimeout(() => setFatal(null), 10_000);
    return () => clearTimeout(timer);
  }, [fatal]);
  useEffect(() => {
    const fail = (err: unknown) => setFatal((err as Error).message);
    api().appInfo().then(setInfo).catch(fail);
    api().themeGet().then(setTheme).catch(fail);
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Shown at once: a controlled radio would otherwise snap back until the core answers (and a quick
  // second click, or a test, sees it unchecked). Put back if the core refuses the choice.
  const changeTheme = useCallback(
    (next: ThemeChoice) => {
      const before = theme;
      setTheme(next);
      api()
        .themeSet({ theme: next })
        .then(setTheme)
        .catch((err: unknown) => {
          setTheme(before);
          setFatal((err as Error).message);
        });
    },
    [theme],
  );

  const openChart = useCallback((encounterId: string) => {
    setLastChart(encounterId);
    setRoute({ view: 'chart', encounterId });
  }, []);

  const openNext = useCallback(() => {
    void api()
      .worklistNext({ afterEncounterId: route.view === 'chart' ? route.encounterId : undefined })
      .then((id) => (id ? openChart(id) : setRoute({ view: 'worklist' })))
      .catch((err: unknown) => setFatal((err as Error).message));
  }, [route, openChart]);

  useCommand('palette.open', () => setOverlay('palette'));
  useCommand('help.cheatsheet', () => setOverlay('cheatsheet'));
  useCommand('view.worklist', () => setRoute({ view: 'worklist' }));
  useCommand('view.encoder', () => setRoute({ view: 'encoder' }));
  useCommand('view.settings', () => setRoute({ view: 'settings' }));
  useCommand('encoder.focusSearch', () => {
    setRoute({ view: 'encoder' });
    setEncoderFocus((n) => n + 1);
  });
  useCommand('worklist.next', openNext);
  useCommand('sync.now', () => {
    api()
      .syncNow()
      .then(sync.set)
      .catch((err: unknown) => setFatal((err as Error).message));
  });
  useCommand('theme.cycle', () => changeTheme(THEME_ORDER[(THEME_ORDER.indexOf(theme) + 1) % THEME_ORDER.length]!));

  return (
    <div className="app-frame" data-testid="app-frame" data-ready={info !== null && bindings.length > 0 ? 'true' : 'false'}>
      <NavBar route={route} lastChart={lastChart} onNavigate={setRoute} />
      {fatal && (
        <div className="banner error" role="alert">
          {fatal}
        </div>
      )}
      <main className="app-main">
        {route.view === 'worklist' && <WorklistView onOpenChart={openChart} />}
        {route.view === 'chart' && (
          <ChartView
            key={route.encounterId}
            encounterId={route.encounterId}
            loadedFiscalYears={info?.fiscalYears ?? null}
            onOpenChart={openChart}
            onDone={() => setRoute({ view: 'worklist' })}
          />
        )}
        {route.view === 'encoder' && <EncoderView focusToken={encoderFocus} />}
        {route.view === 'settings' && <SettingsView theme={theme} onThemeChange={changeTheme} sync={sync.status} onSyncStatus={sync.set} />}
      </main>
      <StatusBar info={info} sync={sync.status} onOpenSettings={() => setRoute({ view: 'settings' })} />
      {overlay === 'palette' && <CommandPalette onClose={() => setOverlay(null)} />}
      {overlay === 'cheatsheet' && <CheatSheet onClose={() => setOverlay(null)} />}
    </div>
  );
}
