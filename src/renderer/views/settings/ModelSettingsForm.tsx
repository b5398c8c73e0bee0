import { useEffect, useState } from 'react';
import type { ModelProvider, ModelSettings, ModelSettingsView } from '../../../shared/suggest/model-settings';
import { api } from '../../bridge';

/** Endpoint, model and key for model suggestions. The key is sent once to be encrypted; it never comes back. */
export function ModelSettingsForm() {
  const [view, setView] = useState<ModelSettingsView | null>(null);
  const [draft, setDraft] = useState<Partial<ModelSettings>>({});
  const [key, setKey] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    api()
      .modelSettingsGet()
      .then(setView)
      .catch((err: unknown) => setMessage({ error: true, text: (err as Error).message }));
  }, []);

  if (!view) return message ? <p className="error">{message.text}</p> : null;
  const value = <K extends keyof ModelSettings>(k: K): ModelSettings[K] => (k in draft ? (draft[k] as ModelSettings[K]) : view[k]);
  const edit = <K extends keyof ModelSettings>(k: K, v: ModelSettings[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const run = async (fn: () => Promise<ModelSettingsView>, ok: string) => {
    try {
      setView(await fn());
      setDraft({});
      setMessage({ error: false, text: ok });
    } catch (err) {
      setMessage({ error: true, text: (err as Error).message });
    }
  };

  return (
    <form
      className="model-settings"
      aria-labelledby="model-settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => api().modelSettingsSet(draft), 'Model settings saved.');
      }}
    >
      <h2 id="model-settings-title">Language model</h2>
      <p className="hint">
        Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI / AI Foundry, or a local vLLM or Ollama server. Charts are sent only after the PHI guard passes them; offline, the local engine
        suggests codes.
      </p>
      <p className={view.problem ? 'warn-text' : 'ok-text'} role="status" data-testid="model-status">
        {view.problem ?? `Ready: ${view.model} at ${view.baseUrl}`}
      </p>
      <label className="inline">
        <input type="checkbox" checked={value('enabled')} onChange={(e) => edit('enabled', e.target.checked)} /> Use model suggestions when online
      </label>
      <div className="form-grid">
        <label>
          Provider
          <select value={value('provider')} onChange={(e) => edit('provider', e.target.value as ModelProvider)}>
            <option value="openai">OpenAI</option>
            <option value="azure">Azure OpenAI / AI Foundry</option>
            <option value="compatible">OpenAI-compatible (vLLM, Ollama…)</option>
          </select>
        </label>
        <label>
          Endpoint URL
          <input value={value('baseUrl')} onChange={(e) => edit('baseUrl', e.target.value)} spellCheck={false} />
        </label>
        <label>
          {value('provider') === 'azure' ? 'Deployment' : 'Model'}
          <input value={value('model')} onChange={(e) => edit('model', e.target.value)} spellCheck={false} />
        </label>
        {value('provider') === 'azure' && (
          <label>
            API version
            <input value={value('apiVersion')} onChange={(e) => edit('apiVersion', e.target.value)} spellCheck={false} />
          </label>
        )}
        <label>
          Temperature
          <input
            type="number"
            step="0.1"
            min="0"
            max="2"
            value={value('temperature') ?? ''}
            onChange={(e) => edit('temperature', e.target.value === '' ? null : Number(e.target.value))}
          />
        </label>
        <label>
          Timeout (seconds)
          <input type="number" min="1" value={Math.round(value('timeoutMs') / 1000)} onChange={(e) => edit('timeoutMs', Math.round(Number(e.target.value) * 1000))} />
        </label>
      </div>
      <button type="submit" disabled={Object.keys(draft).length === 0}>
        Save model settings
      </button>
      <div className="key-row">
        <label>
          API key {view.hasKey && <span className="hint">(stored{view.keySource === 'env' ? ' in the environment' : ', encrypted'})</span>}
          <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} placeholder={view.secureStorage ? 'Paste a key to store it encrypted' : 'No secure storage: use PLUMBLINE_MODEL_API_KEY'} disabled={!view.secureStorage} />
        </label>
        <button
          type="button"
          disabled={!key.trim()}
          onClick={() => {
            const k = key;
            setKey('');
            void run(() => api().modelKeySet({ key: k }), 'API key stored encrypted.');
          }}
        >
          Store key
        </button>
        {view.hasKey && view.keySource === 'vault' && (
          <button type="button" onClick={() => void run(() => api().modelKeyClear(), 'API key removed.')}>
            Remove key
          </button>
        )}
      </div>
      {message && (
        <p className={message.error ? 'error' : 'hint'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
