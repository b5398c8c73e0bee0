export function WorklistView() {
  return (
    <section className="view worklist-view" aria-labelledby="worklist-title">
      <header className="view-header">
        <h1 id="worklist-title">My queue</h1>
      </header>
      <div className="empty-state" role="status">
        <p>Your queue is empty.</p>
        <p className="hint">Import charts with <code>npx plumbline import &lt;file&gt;</code>.</p>
      </div>
    </section>
  );
}
