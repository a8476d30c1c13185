export function SeriesArea(_props: { rest: string[] }) {
  return (
    <section className="pane" aria-labelledby="series-title">
      <header className="pane__header">
        <h1 id="series-title">Series</h1>
      </header>
      <div className="empty-state">
        <h2>No series yet</h2>
        <p>Plan a run of guest posts: create a series, then add its posts in order.</p>
      </div>
    </section>
  );
}
