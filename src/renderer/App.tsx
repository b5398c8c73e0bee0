import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, ThemeChoice } from '../shared/api';
import { api } from './bridge';
import { CommandProvider, useCommand, useCommands } from './commands';
import { CommandPalette } from './components/CommandPalette';
import { CheatSheet } from './components/CheatSheet';
import { StatusBar } from './components/StatusBar';
import { NavBar, type ViewId } from './components/NavBar';
import { WorklistView } from './views/worklist/WorklistView';
import { SettingsView } from './views/settings/SettingsView';

export function App() {
  return (
    <CommandProvider>
      <Shell />
    </CommandProvider>
  );
}

const THEME_ORDER: ThemeChoice[] = ['system', 'light', 'dark'];

function Shell() {
  const [view, setView] = useState<ViewId>('worklist');
  const [overlay, setOverlay] = useState<'palette' | 'cheatsheet' | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [theme, setTheme] = useState<ThemeChoice>('system');
  const { bindings } = useCommands();

  useEffect(() => {
    void api().appInfo().then(setInfo);
    void api().themeGet().then(setTheme);
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const changeTheme = useCallback((next: ThemeChoice) => {
    void api().themeSet({ theme: next }).then(setTheme);
  }, []);

  useCommand('palette.open', () => setOverlay('palette'));
  useCommand('help.cheatsheet', () => setOverlay('cheatsheet'));
  useCommand('view.worklist', () => setView('worklist'));
  useCommand('view.settings', () => setView('settings'));
  useCommand('theme.cycle', () => changeTheme(THEME_ORDER[(THEME_ORDER.indexOf(theme) + 1) % THEME_ORDER.length]!));

  return (
    <div className="app-frame" data-testid="app-frame" data-ready={info !== null && bindings.length > 0 ? 'true' : 'false'}>
      <NavBar current={view} onNavigate={setView} />
      <main className="app-main" aria-label={view === 'worklist' ? 'Worklist' : 'Settings'}>
        {view === 'worklist' && <WorklistView />}
        {view === 'settings' && <SettingsView theme={theme} onThemeChange={changeTheme} />}
      </main>
      <StatusBar info={info} />
      {overlay === 'palette' && <CommandPalette onClose={() => setOverlay(null)} />}
      {overlay === 'cheatsheet' && <CheatSheet onClose={() => setOverlay(null)} />}
    </div>
  );
}
