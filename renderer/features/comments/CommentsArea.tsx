export function CommentsArea(_props: { rest: string[] }) {
  return (
    <section className="pane" aria-labelledby="comments-title">
      <header className="pane__header">
        <h1 id="comments-title">Comments</h1>
      </header>
      <div className="empty-state">
        <h2>No comments to review</h2>
        <p>Import the reader comments of a published post: WordPress WXR, Disqus XML, CSV, JSON or text copied from the page.</p>
      </div>
    </section>
  );
}
