// A stand-in for the `electron` module that records what the shell asks of it, so the wiring can be
// tested on machines where the Electron binary cannot be installed.
type Listener = (...args: unknown[]) => unknown;

export interface Recorded {
  handlers: Map<string, Listener>;
  windows: FakeWindow[];
  exposed: Map<string, unknown>;
  schemes: unknown[];
  protocolHandlers: Map<string, Listener>;
  menuTemplate: unknown[] | null;
  beforeRequest: Listener | null;
  permissionHandler: Listener | null;
  singleInstance: boolean;
}

export const recorded: Recorded = {
  handlers: new Map(),
  windows: [],
  exposed: new Map(),
  schemes: [],
  protocolHandlers: new Map(),
  menuTemplate: null,
  beforeRequest: null,
  permissionHandler: null,
  singleInstance: false,
};

class FakeWebContents {
  events = new Map<string, Listener>();
  windowOpenHandler: Listener | null = null;
  sent: unknown[][] = [];
  setWindowOpenHandler(fn: Listener) {
    this.windowOpenHandler = fn;
  }
  on(event: string, fn: Listener) {
    this.events.set(event, fn);
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

export class FakeWindow {
  webContents = new FakeWebContents();
  loaded: string | null = null;
  events = new Map<string, Listener>();
  constructor(public options: Record<string, unknown>) {
    recorded.windows.push(this);
  }
  once(event: string, fn: Listener) {
    this.events.set(event, fn);
  }
  on(event: string, fn: Listener) {
    this.events.set(event, fn);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  maximize() {}
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

const appEvents = new Map<string, Listener>();

export const electronStandIn = {
  app: {
    requestSingleInstanceLock: () => {
      recorded.singleInstance = true;
      return true;
    },
    whenReady: () => Promise.resolve(),
    on: (event: string, fn: Listener) => appEvents.set(event, fn),
    getPath: () => process.env.PLUMBLINE_DATA ?? '/nonexistent',
    quit: () => undefined,
    exit: () => undefined,
  },
  BrowserWindow: FakeWindow,
  ipcMain: { handle: (channel: string, fn: Listener) => recorded.handlers.set(channel, fn) },
  ipcRenderer: { invoke: async (channel: string, req: unknown) => ({ ok: true, value: { channel, req } }), on: () => undefined, removeListener: () => undefined },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
  Menu: {
    buildFromTemplate: (template: unknown[]) => {
      recorded.menuTemplate = template;
      return { template };
    },
    setApplicationMenu: () => undefined,
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown) => recorded.schemes.push(schemes),
    handle: (scheme: string, fn: Listener) => recorded.protocolHandlers.set(scheme, fn),
  },
  net: { fetch: async () => new Response('') },
  session: {
    defaultSession: {
      webRequest: { onBeforeRequest: (fn: Listener) => (recorded.beforeRequest = fn) },
      setPermissionRequestHandler: (fn: Listener) => (recorded.permissionHandler = fn),
    },
  },
  shell: { openExternal: async () => undefined },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.from(`enc:${plain}`),
    decryptString: (blob: Buffer) => blob.toString().replace(/^enc:/, ''),
  },
};
