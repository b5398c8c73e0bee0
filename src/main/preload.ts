// Sandboxed preload: exposes exactly the API contract as `window.plumbline`, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, COMMAND_CHANNEL, IPC_PREFIX, unwrapEnvelope, type ApiEnvelope, type PlumblineApi, type PlumblineCalls } from '../shared/api';

const calls = Object.fromEntries(
  API_METHODS.map((method) => [method, async (req: unknown) => unwrapEnvelope((await ipcRenderer.invoke(IPC_PREFIX + method, req)) as ApiEnvelope<unknown>)]),
) as unknown as PlumblineCalls;

const api: PlumblineApi = {
  ...calls,
  onCommand(listener) {
    const wrapped = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(COMMAND_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('plumbline', api);
